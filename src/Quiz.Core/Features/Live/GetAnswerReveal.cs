using Mediator;
using Quiz.Contracts;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>
/// The key, its salt and the answer spread of a question. Refused while the question can still take answers, and
/// always for an online round, whose questions are a pool.
/// </summary>
public sealed record GetAnswerReveal(string ContestId, int Seq) : IQuery<AnswerReveal>;

public sealed class GetAnswerRevealHandler(LiveRooms rooms, IBoardStore boards, TimeProvider clock) : IQueryHandler<GetAnswerReveal, AnswerReveal>
{
    public async ValueTask<AnswerReveal> Handle(GetAnswerReveal query, CancellationToken cancellationToken)
    {
        var contest = await rooms.GetContestAsync(query.ContestId, cancellationToken);
        if (contest.Online is not null)
        {
            // Its snapshot is a pool later papers reuse (an assessment's above all): no key leaves it, before or after the close.
            throw new DomainException("not_revealed", "An online round never reveals its keys: its questions are a pool later papers are drawn from.");
        }
        var room = await rooms.RefreshAsync(query.ContestId, cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var revealed = query.Seq < room.Seq
            || (query.Seq == room.Seq && room.Status is RoomStatuses.Revealed or RoomStatuses.Board or RoomStatuses.Ended);
        if (query.Seq < 0 || query.Seq >= contest.Questions.Count || !revealed || (query.Seq == room.Seq && now < room.AcceptUntilMs))
        {
            throw new DomainException("not_revealed", "The answer is shown only after the question has closed and been revealed.");
        }
        var entry = contest.Questions[query.Seq];
        var (answers, correct, distribution) = await boards.GetAnswerStatsAsync(query.ContestId, query.Seq, cancellationToken);
        return new AnswerReveal(contest.Id, entry.Seq, entry.Question.Answer.Options, entry.Question.Answer.Accepted, entry.Salt,
            KeyCommitment.Hash(entry.Salt, entry.Question.Answer), entry.Question.Explanation, distribution, answers, correct);
    }
}
