using Quiz.Core.Common;

namespace Quiz.Core.Stage;

/// <summary>
/// Every reason a contest's setup can be refused for (the stage's teams and segments, and a round's draw rules,
/// which the stage editor shows), in English and Simplified Chinese, as
/// <see cref="Banks.BankReasons"/> is for banks: the server writes the English from it, the admin page's stage editor
/// fetches it (GET /api/contests/stage-reasons) and renders code + args in the page's language. Codes are stable API.
/// </summary>
public static class StageReasons
{
    public static readonly ReasonText Teams = new("stage.teams", "a stage needs 2 to 16 teams", "须有 2–16 个代表队");
    public static readonly ReasonText Required = new("stage.required", "is required", "必填");
    public static readonly ReasonText Name = new("stage.name", "is required and at most {max} characters", "必填，最多 {max} 个字");
    public static readonly ReasonText Members = new("stage.members", "1 to 10 names, each 1-50 characters", "每队 1–10 名队员，每个名字 1–50 个字");
    public static readonly ReasonText SameMember = new("stage.sameMember", "names within a team must differ", "同一队的队员名字不能重复");
    public static readonly ReasonText SameTeam = new("stage.sameTeam", "same name as team {team}; team names must differ", "与第 {team} 队同名，各队名称不能相同");
    public static readonly ReasonText Between = new("stage.between", "must be between {min} and {max}", "须在 {min} 到 {max} 之间");
    public static readonly ReasonText BetweenMs = new("stage.betweenMs", "must be between {min} and {max} ms", "须在 {min} 到 {max} 毫秒之间");
    public static readonly ReasonText Segments = new("stage.segments", "give one segment (or null) per round: {rounds}", "每一轮设一个环节（或不设）：共 {rounds} 轮");
    public static readonly ReasonText Kind = new("stage.kind",
        "must be Required, Buzz, Wager, Elimination, Rapid or Tiebreak", "须为 必答、抢答、风险、一站到底、限时速答 或 加赛");
    public static readonly ReasonText Points = new("stage.points", "points and wrongDeduction must be between 0 and 10000", "答对得分和答错扣分须在 0 到 10000 之间");
    public static readonly ReasonText Penalties = new("stage.penalties", "up to 10 values, each 0-10000", "最多 10 个数，每个 0–10000");
    public static readonly ReasonText Wagers = new("stage.wagers", "1 to 10 different values, each 1-10000", "1–10 个互不相同的数，每个 1–10000");
    public static readonly ReasonText WagerOrder = new("stage.wagerOrder", "must be HighestFirst or LowestFirst", "须为 按得分由高到低 或 按得分由低到高");
    public static readonly ReasonText Rotation = new("stage.rotation", "must be Team or Member", "须为 按队 或 按队员");
    public static readonly ReasonText BlueprintShort = new("stage.blueprintShort",
        "the bank has {have} such questions not taken by earlier rules: {short} short",
        "题库中符合这条规则（且未被前面的规则抽走）的题只有 {have} 道，还差 {short} 道");
    public static readonly ReasonText BlueprintExcluded = new("stage.blueprintExcluded",
        "the bank has {have} such questions not taken by earlier rules, but {excluded} of them are excluded by questions already drawn: {short} short",
        "题库中符合这条规则的题有 {have} 道，但其中 {excluded} 道与已抽中的题互相排斥（不能同卷），还差 {short} 道");
    public static readonly ReasonText Rapid = new("stage.rapid", "1-100 questions per team, 5-3600 seconds per team", "每队 1–100 题，每队限时 5–3600 秒");

    public static IReadOnlyList<ReasonText> All => AllTexts.Value;

    private static readonly Lazy<IReadOnlyList<ReasonText>> AllTexts = new(() => ReasonText.TableOf(typeof(StageReasons)));
}
