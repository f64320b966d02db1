using Quiz.Contracts;
using Quiz.Core.Banks;

namespace Quiz.Core.Contests;

/// <summary>What clients may see of a contest. The only place a question becomes a payload: no key leaves here.</summary>
public static class Views
{
    public static RoomState State(ContestDefinition contest, Room room, int participants, long nowMs)
    {
        var round = room.Seq >= 0 ? contest.Questions[room.Seq].Round : 0;
        var remaining = room.Paused ? room.RemainingMs : room.IsOpen ? Math.Max(0, room.ClosesAtMs - nowMs) : 0;
        var status = RoomMachine.Settle(room, nowMs).Status;
        return new RoomState(contest.Id, contest.Title, status, room.Seq, contest.Questions.Count, round, room.Paused,
            room.OpensAtMs, room.ClosesAtMs, remaining, nowMs, participants);
    }

    public static QuestionView Question(ContestDefinition contest, Room room, long nowMs)
    {
        var entry = contest.Questions[room.Seq];
        var question = entry.Question;
        return new QuestionView(
            contest.Id,
            entry.Seq,
            entry.Round,
            TypeName(question.Type),
            question.Stem,
            entry.DisplayOrder.Select(i => new OptionView(i, question.Options[i])).ToList(),
            question.ImageUrl,
            contest.Rounds[entry.Round].Rules.Points,
            room.OpensAtMs,
            room.ClosesAtMs,
            nowMs,
            KeyCommitment.Hash(entry.Salt, question.Answer));
    }

    public static string TypeName(QuestionType type) => type switch
    {
        QuestionType.Single => "single",
        QuestionType.Multiple => "multiple",
        QuestionType.TrueFalse => "truefalse",
        QuestionType.Fill => "fill",
        QuestionType.Ordering => "ordering",
        _ => "unknown",
    };
}
