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
    /// <summary>A rescore is needed only when a node's memory was stale; twice in a row means the room moved meanwhile.</summary>
    private const int MaxScorings = 4;

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
            // A resend of an answer already stored is that answer, whenever it comes: only the store knows.
            return await ledger.FindAsync(command.ContestId, command.Seq, contest.ShardOf(command.Participant.Id), command.Participant.Id, command.AnswerId, cancellationToken) is { } stored
                ? Ack(command, AckStatuses.Accepted, null, stored.ReceivedAtMs)
                : Ack(command, AckStatuses.Late, room.Paused ? "the room is paused" : "the question has closed");
        }
        if (room.Seq != command.Seq || command.ReceivedAtMs < room.OpensAtMs)
        {
            return Ack(command, AckStatuses.Invalid, "the question is not open yet");
        }

        var entry = contest.Questions[command.Seq];
        var response = new Response(command.Options ?? [], command.Text);
        if (ResponseShape.Problem(entry.Question, response.Options, response.Text) is { } problem)
        {
            return Ack(command, AckStatuses.Invalid, problem);
        }
        var rules = contest.Rounds[entry.Round].Rules;
        var grade = AnswerGrader.Grade(entry.Question, response, rules.PartialCredit);
        var keys = DistributionKeys(entry.Question, response, grade);
        if (!rooms.TryGetProgress(command.ContestId, command.Participant.Id, out var progress))
        {
            progress = await participants.GetProgressAsync(command.ContestId, command.Participant.Id, cancellationToken);
        }
        var opensAt = room.OpensAtMs;
        for (var scoring = 0; scoring < MaxScorings; scoring++)
        {
            var score = Scoring.Score(rules, grade, Scoring.ElapsedMs(rules, command.ReceivedAtMs, opensAt), progress.StreakBefore(command.Seq));
            var outcome = await ledger.RecordAsync(new RecordedAnswer(command.ContestId, command.Seq, contest.ShardOf(command.Participant.Id), command.Participant, command.AnswerId, response,
                command.ReceivedAtMs, opensAt, progress, score, keys), cancellationToken);
            switch (outcome.Result)
            {
                case LedgerResult.Accepted:
                    rooms.RememberAnswer(command.ContestId, command.Participant.Id, new KnownAnswer(command.Seq, score.Hundredths, score.Correct, score.Streak));
                    return Ack(command, AckStatuses.Accepted, null);
                case LedgerResult.AcceptedBefore:
                    if (outcome.Stored is { } stored)
                    {
                        rooms.RememberAnswer(command.ContestId, command.Participant.Id, stored); // what the store holds, not this resend's score
                    }
                    return Ack(command, AckStatuses.Accepted, null, outcome.ReceivedAtMs);
                case LedgerResult.Duplicate:
                    return Ack(command, AckStatuses.Duplicate, "this question was already answered");
                case LedgerResult.Rescore:
                    // This node's memory was stale (another node scored this participant, or missed a resume): the store decides.
                    (opensAt, progress) = (outcome.OpensAtMs, outcome.Progress);
                    rooms.RememberProgress(command.ContestId, command.Participant.Id, progress);
                    continue;
                default:
                    return Ack(command, AckStatuses.Late, "the question has closed");
            }
        }
        throw new DomainException("busy", "The room changed while this answer was being scored; send it again.");
    }

    private static string[] DistributionKeys(Question question, Response response, Grade grade)
    {
        var verdict = grade.Correct ? "right" : grade.Credit > 0 ? "partial" : "wrong";
        return question.Type is QuestionType.Fill or QuestionType.Ordering
            ? [verdict]
            : [.. response.Options.Select(o => o.ToString(System.Globalization.CultureInfo.InvariantCulture)), verdict];
    }

    private static AnswerAck Ack(SubmitAnswer command, string status, string? reason, long? receivedAtMs = null) =>
        new(command.AnswerId, command.Seq, status, reason, receivedAtMs ?? command.ReceivedAtMs);
}
