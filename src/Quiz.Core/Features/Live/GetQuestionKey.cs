using Mediator;
using Quiz.Contracts;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>
/// A question's key and explanation before the reveal, for the host or a judge of the contest (the hub checks who
/// asks; nobody else may: the key reaches everyone else only with <c>AnswerRevealed</c>). Audited: who saw which key when.
/// Only a question that has been opened (the current one or an earlier one), never one still ahead.
/// </summary>
public sealed record GetQuestionKey(string ContestId, int Seq) : IQuery<QuestionKey>, IAudited
{
    public string AuditTarget => $"contest:{ContestId}";

    public object? AuditInput => new { Seq };
}

public sealed class GetQuestionKeyHandler(LiveRooms rooms) : IQueryHandler<GetQuestionKey, QuestionKey>
{
    public async ValueTask<QuestionKey> Handle(GetQuestionKey query, CancellationToken cancellationToken)
    {
        var contest = await rooms.GetContestAsync(query.ContestId, cancellationToken);
        var room = await rooms.RefreshAsync(query.ContestId, cancellationToken);
        if (query.Seq < 0 || query.Seq >= contest.Questions.Count || query.Seq > room.Seq)
        {
            throw new DomainException("not_open", "Only a question that has been opened has a key to show.");
        }
        var question = contest.Questions[query.Seq].Question;
        return new QuestionKey(contest.Id, query.Seq, question.Answer.Options, question.Answer.Accepted, question.Explanation);
    }
}
