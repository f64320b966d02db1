using Mediator;
using Quiz.Contracts;
using Quiz.Core.Banks;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>
/// One answer from a participant. The hub stamps <see cref="ReceivedAtMs"/> with the server clock on arrival and
/// supplies the participant the connection proved to be; the client's own times are never used.
/// </summary>
public sealed record SubmitAnswer(string ContestId, Participant Participant, string AnswerId, int Seq, IReadOnlyList<int>? Options, string? Text, long ReceivedAtMs)
    : ICommand<AnswerAck>, IValidated
{
    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(AnswerId) || AnswerId.Length > 64 || AnswerId.Contains('|', StringComparison.Ordinal))
        {
            yield return new FieldError("answerId", "is required: up to 64 characters, no '|'");
        }
        if (Seq < 0)
        {
            yield return new FieldError("seq", "must be 0 or more");
        }
        if (Options is { Count: > 16 })
        {
            yield return new FieldError("options", "at most 16 options");
        }
        if (Text is { Length: > 200 })
        {
            yield return new FieldError("text", "at most 200 characters");
        }
    }
}

public sealed class SubmitAnswerHandler(LiveRooms rooms, IParticipantStore participants, IAnswerLedger ledger)
    : ICommandHandler<SubmitAnswer, AnswerAck>
{
    public async ValueTask<AnswerAck> Handle(SubmitAnswer command, CancellationToken cancellationToken)
    {
        var contest = await rooms.GetContestAsync(command.ContestId, cancellationToken);
        if (command.Seq >= contest.Questions.Count)
        {
            return Ack(command, AckStatuses.Invalid, "no such question");
        }
        var room = await rooms.GetRoomAsync(command.ContestId, cancellationToken);
        if (room.Seq < command.Seq)
        {
            room = await rooms.RefreshAsync(command.ContestId, cancellationToken); // this node has not heard of the move yet
        }
        if (command.Seq < room.Seq || (room.Seq == command.Seq && command.ReceivedAtMs > room.AcceptUntilMs))
        {
            return Ack(command, AckStatuses.Late, room.Paused ? "the room is paused" : "the question has closed");
        }
        if (room.Seq != command.Seq || command.ReceivedAtMs < room.OpensAtMs)
        {
            return Ack(command, AckStatuses.Invalid, "the question is not open yet");
        }

        var entry = contest.Questions[command.Seq];
        var response = new Response(command.Options ?? [], command.Text);
        if (Malformed(entry.Question, response) is { } problem)
        {
            return Ack(command, AckStatuses.Invalid, problem);
        }
        var rules = contest.Rounds[entry.Round].Rules;
        if (!rooms.TryGetProgress(command.ContestId, command.Participant.Id, out var progress))
        {
            progress = await participants.GetProgressAsync(command.ContestId, command.Participant.Id, cancellationToken);
        }
        var grade = AnswerGrader.Grade(entry.Question, response, rules.PartialCredit);
        var elapsed = Math.Max(0, command.ReceivedAtMs - room.OpensAtMs);
        var score = Scoring.Score(rules, grade, elapsed, progress.StreakBefore(command.Seq));
        var answer = new RecordedAnswer(command.ContestId, command.Seq, command.Participant, command.AnswerId, command.ReceivedAtMs,
            elapsed, score, DistributionKeys(entry.Question, response, grade), Given(response));

        var result = await ledger.RecordAsync(answer, cancellationToken);
        if (result == LedgerResult.Accepted)
        {
            rooms.RememberAnswer(command.ContestId, command.Participant.Id, new KnownAnswer(command.Seq, score.Points, score.Correct, score.Streak));
        }
        return result switch
        {
            LedgerResult.Accepted => Ack(command, AckStatuses.Accepted, null),
            LedgerResult.Duplicate => Ack(command, AckStatuses.Duplicate, "this question was already answered"),
            _ => Ack(command, AckStatuses.Late, "the question has closed"),
        };
    }

    /// <summary>A response that cannot be an answer to this question at all (as opposed to a wrong one).</summary>
    private static string? Malformed(Question question, Response response)
    {
        var options = response.Options;
        if (question.Type == QuestionType.Fill)
        {
            return string.IsNullOrWhiteSpace(response.Text) ? "a fill-in answer needs text" : null;
        }
        if (options.Any(o => o < 0 || o >= question.Options.Count) || options.Distinct().Count() != options.Count)
        {
            return "options must be distinct ids of this question's options";
        }
        return question.Type switch
        {
            QuestionType.Single or QuestionType.TrueFalse when options.Count != 1 => "choose exactly one option",
            QuestionType.Multiple when options.Count == 0 => "choose at least one option",
            QuestionType.Ordering when options.Count != question.Options.Count => "put every item in order",
            _ => null,
        };
    }

    private static string[] DistributionKeys(Question question, Response response, Grade grade)
    {
        var verdict = grade.Correct ? "right" : grade.Credit > 0 ? "partial" : "wrong";
        return question.Type is QuestionType.Fill or QuestionType.Ordering
            ? [verdict]
            : [.. response.Options.Select(o => o.ToString(System.Globalization.CultureInfo.InvariantCulture)), verdict];
    }

    private static string Given(Response response) =>
        response.Text ?? string.Join(',', response.Options);

    private static AnswerAck Ack(SubmitAnswer command, string status, string? reason) =>
        new(command.AnswerId, command.Seq, status, reason, command.ReceivedAtMs);
}
