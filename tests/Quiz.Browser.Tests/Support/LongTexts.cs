using System.Text.Json;

namespace Quiz.Browser.Tests.Support;

/// <summary>
/// A bank of the longest texts a projector must survive: an ordering question of eight long steps with a long 解析,
/// a single choice of five options (the reveal chart's labels), and one at every limit of the bank (stem 2,000,
/// eight options of 500 and a 解析 of 5,000 characters).
/// </summary>
public static class LongTexts
{
    private static string Text(string seed, int length) => string.Concat(Enumerable.Repeat(seed, length / seed.Length + 1))[..length];

    public static readonly string Json = JsonSerializer.Serialize(new
    {
        format = "quiz-bank/1",
        questions = new object[]
        {
            new
            {
                key = "long-order", type = "ordering",
                stem = "突发心脏骤停时，旁观者在专业急救人员到达之前应当按照正确的顺序实施现场心肺复苏和自动体外除颤器（AED）的使用，请把下列步骤按先后顺序排列：",
                options = new[]
                {
                    "确认现场环境安全，做好个人防护，避免施救者和患者受到二次伤害",
                    "轻拍患者双肩并大声呼唤，判断患者有无意识和正常呼吸（不超过10秒）",
                    "高声呼救，请旁人拨打120急救电话，并尽快取来附近的自动体外除颤器",
                    "将患者仰卧于坚实平面，解开衣领和腰带，跪在患者一侧准备施救",
                    "在两乳头连线中点以每分钟100至120次的频率、5至6厘米的深度胸外按压",
                    "用仰头提颏法开放气道，清除口腔异物，给予两次人工呼吸并观察胸廓起伏",
                    "除颤器到达后立即开机，按语音提示贴电极片，分析心律并按提示放电",
                    "持续按压与通气直到患者恢复自主呼吸和心跳，或专业急救人员到达接手",
                },
                answer = "ABCDEFGH",
                explanation = Text("心肺复苏的关键在于尽早识别、尽早呼救、尽早按压和尽早除颤。胸外按压应保证足够的频率和深度，每次按压后让胸廓充分回弹，尽量减少中断；", 420),
            },
            new
            {
                key = "five", type = "single", stem = "下列哪一项是我国“双碳”目标中碳中和的时间节点？",
                options = new[] { "2030年前实现碳达峰之后的第十年", "2060年前实现碳中和", "2050年前全面实现碳中和", "2070年前实现碳中和目标", "2045年前完成能源结构转型" },
                answer = "B", explanation = "我国力争2030年前实现碳达峰、2060年前实现碳中和。",
            },
            new { key = "tie", type = "single", stem = "加赛题：杭州亚运会于哪一年举办？", options = new[] { "2022年", "2023年", "2024年", "2021年" }, answer = "B", explanation = "原定2022年举办，延期至2023年9月举行。" },
            new
            {
                key = "limits", type = "single", stem = Text("这是一道题干达到题库长度上限的题目，用来检验大屏幕在最长文字下是否仍然不会超出屏幕。", 2000),
                options = Enumerable.Range(0, 8).Select(i => Text($"选项{i + 1}：这是一个达到长度上限的选项文字。", 500)).ToArray(),
                answer = "A", explanation = Text("这是一段达到长度上限的解析文字，用来检验大屏幕在揭晓时不会把队伍得分挤出屏幕。", 5000),
            },
        },
    });

    /// <summary>Sixteen teams (the most a stage contest has) with names at the 50-character limit, each named by its number first.</summary>
    public static object[] SixteenTeams() =>
        [.. Enumerable.Range(1, 16).Select(i => new { name = $"{i}号队" + Text("杭州市临平区科学技术协会代表队", 50 - $"{i}号队".Length), members = new[] { $"队员{i}" } })];
}
