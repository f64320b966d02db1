using Quiz.Contracts;
using Quiz.Core.Contests;

namespace Quiz.Core.Rounds;

/// <summary>The only place an attempt becomes a payload: the person's own paper in their order, never a key.</summary>
public static class RoundViews
{
    public static RoundInfo Info(RoundSetup setup, long nowMs)
    {
        var round = setup.Round;
        return new RoundInfo(setup.Contest.Id, setup.Contest.Title, round.Status(nowMs), round.OpensAtMs, round.ClosesAtMs,
            round.TimeLimitSeconds, round.PaperSize, round.MaxScore, round.SelfRegistration,
            round.Results == ResultsRelease.Immediately ? "immediately" : "atClose", nowMs, Review: round.Review);
    }

    /// <summary>One's own paper with the keys: only for an ended attempt once released (the caller checks), in the person's order.</summary>
    public static AttemptReview Review(RoundSetup setup, Attempt attempt, AttemptResult result)
    {
        var items = attempt.Items.Select((item, i) =>
        {
            var q = setup.ById[item.QuestionId];
            var outcome = i < result.Items.Count ? result.Items[i] : null;
            return new ReviewItem(i, Views.TypeName(q.Type), q.Stem, [.. item.OptionOrder.Select(o => new OptionView(o, q.Options[o]))], q.ImageUrl,
                setup.Round.Points, outcome?.Answered ?? false, outcome?.Options ?? [], outcome?.Text, outcome?.Points ?? 0,
                q.Answer.Options, q.Answer.Accepted, q.Explanation);
        }).ToList();
        return new AttemptReview(setup.Contest.Id, result.Score, result.MaxScore, items);
    }

    public static AttemptView Attempt(RoundSetup setup, Participant who, Attempt attempt, AnswerSheet sheet, AttemptResultView? result, long nowMs)
    {
        var items = attempt.Items.Select((item, i) =>
        {
            var q = setup.ById[item.QuestionId];
            return new PaperQuestion(i, Views.TypeName(q.Type), q.Stem, [.. item.OptionOrder.Select(o => new OptionView(o, q.Options[o]))],
                q.ImageUrl, setup.Round.Points);
        }).ToList();
        var answers = sheet.Answers.Values.OrderBy(a => a.Index).Select(a => new SavedAnswerView(a.Index, a.Options, a.Text, a.AtMs)).ToList();
        return new AttemptView(setup.Contest.Id, who.Id, who.Nickname, result is null ? "open" : "submitted",
            attempt.StartedAtMs, attempt.DeadlineMs, nowMs, items, answers, result);
    }

    /// <summary>Score and rank stay hidden until the round releases them (at the close, unless set to immediately).</summary>
    public static AttemptResultView Result(RoundSetup setup, AttemptResult result, (long Ahead, long Of)? rank, long nowMs)
    {
        var released = setup.Round.Released(nowMs);
        return new AttemptResultView(released, result.Automatic, result.SubmittedAtMs, result.TimeUsedMs,
            released ? result.Score : null, result.MaxScore,
            released && rank is { } r ? (int)r.Ahead + 1 : null, released && rank is { } o ? (int)o.Of : null);
    }
}
