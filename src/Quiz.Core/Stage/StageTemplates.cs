using Quiz.Core.Banks;
using Quiz.Core.Contests;
using Quiz.Core.Features.Contests;

namespace Quiz.Core.Stage;

public sealed record StageTemplate(string Id, string Title, string Description);

/// <summary>
/// Shipped stage-contest templates, as data: rounds drawn by blueprint from a bank, each round's audience rules and
/// stage segment. The organizer fetches one for a bank, edits names if it likes, and creates the contest with it.
/// </summary>
public static class StageTemplates
{
    public const string Cadres = "cadres-6x3";

    public static readonly IReadOnlyList<StageTemplate> All =
    [
        new(Cadres, "领导干部科学素质知识竞赛（6队×3人）",
            "必答一（每队1题）、必答二（每人1题）、抢答20题（抢答开始前抢答扣10分，再犯扣20分；答错扣10分；可补答）、风险题（按名次选10/20/30分）、加赛（同分时抢答决胜）。观众同步答题，另有观众榜。"),
    ];

    /// <summary>
    /// The template's contest on a bank. Rounds draw from different themes of the sample bank (科学素质示例题库) so no
    /// question comes twice; another bank needs the same categories or an edited blueprint.
    /// </summary>
    public static CreateContest? Build(string id, string bankId) => id switch
    {
        Cadres => new CreateContest(
            "领导干部科学素质知识竞赛",
            [
                Round("必答题（一）", 30, bankId, new BlueprintRule(6, QuestionType.Single, Category: "科学精神与科学家精神")),
                Round("必答题（二）", 30, bankId,
                    new BlueprintRule(12, QuestionType.Single, Category: "健康素养与疫情防控"), new BlueprintRule(6, QuestionType.TrueFalse, Category: "健康素养与疫情防控")),
                Round("抢答题", 20, bankId,
                    new BlueprintRule(10, QuestionType.Single, Category: "碳达峰碳中和"), new BlueprintRule(10, QuestionType.Single, Category: "数字经济、5G与人工智能")),
                Round("风险题", 40, bankId,
                    new BlueprintRule(3, QuestionType.Multiple, Category: "生态环保与低碳生活"), new BlueprintRule(3, QuestionType.Multiple, Category: "食品安全")),
                Round("加赛题", 20, bankId, new BlueprintRule(3, QuestionType.Single, Category: "杭州科学文化")),
            ],
            new StageSetup
            {
                Teams = [.. new[] { "第一", "第二", "第三", "第四", "第五", "第六" }.Select((n, t) =>
                    new StageTeam($"{n}代表队", [.. Enumerable.Range(1, 3).Select(m => $"{t + 1}号队{m}号选手")]))],
                BaseScore = 100,
                Segments =
                [
                    new StageSegment { Kind = SegmentKind.Required, Rotation = Rotation.Team, Points = 10 },
                    new StageSegment { Kind = SegmentKind.Required, Rotation = Rotation.Member, Points = 10 },
                    new StageSegment { Kind = SegmentKind.Buzz, Points = 10, WrongDeduction = 10, EarlyBuzzPenalties = [10, 20], BuzzWindowSeconds = 10, Rebound = true },
                    new StageSegment { Kind = SegmentKind.Wager, WagerValues = [10, 20, 30] },
                    new StageSegment { Kind = SegmentKind.Tiebreak, Points = 10, WrongDeduction = 10, BuzzWindowSeconds = 10 },
                ],
            }),
        _ => null,
    };

    private static RoundSpec Round(string title, int seconds, string bankId, params BlueprintRule[] blueprint) =>
        new(title, new RoundRules { TimeLimitSeconds = seconds, Points = 100 }, bankId, null, blueprint);
}
