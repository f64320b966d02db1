using Quiz.Core.Assessment;
using Quiz.Core.Banks;

namespace Quiz.Server.Api;

/// <summary>
/// The item analysis as a table for the organizer: one row per item of the pool with its key, p, discrimination,
/// flag and option counts (A..H: chosen; for an ordering item, put in its right place), then the caveat rows.
/// </summary>
internal static class ItemAnalysisExport
{
    public static IEnumerable<string[]> Rows(ItemAnalysisReport report)
    {
        var letters = Enumerable.Range(0, Math.Max(1, report.Items.Select(i => i.Options.Count).DefaultIfEmpty(0).Max())).Select(o => AnswerNotation.Letter(o).ToString()).ToList();
        yield return
        [
            "题目编号", "题干", "题型", "分类", "标注难度", "答案", "抽中人数", "作答人数", "难度p(得分率)", "区分度(点二列)", "标记",
            .. letters.Select(l => $"选项{l}"), "未作答", "题目ID",
        ];
        foreach (var item in report.Items)
        {
            var flag = item.Flagged ? $"区分度低于{report.FlagBelow:0.0#}" : "";
            if (item.FewRespondents)
            {
                flag = string.Join("；", new[] { flag, $"不足{report.MinRespondents}人，仅供参考" }.Where(f => f.Length > 0));
            }
            yield return
            [
                item.Key ?? item.QuestionId, item.Stem, QuestionTypeNames.Chinese(item.Type), item.Category, AssessmentExport.N(item.Difficulty), item.Answer,
                AssessmentExport.N(item.Drawn), AssessmentExport.N(item.Answered), AssessmentExport.N(item.P), AssessmentExport.N(item.Discrimination), flag,
                .. letters.Select((_, o) => o < item.Options.Count ? AssessmentExport.N(item.Options[o].Chosen) : ""), AssessmentExport.N(item.Omitted), item.QuestionId,
            ];
        }
        foreach (var note in AssessmentExport.Notes(AssessmentDefaults.LineName, AssessmentDefaults.LineNameEnglish, report.Caveat, report.CaveatEnglish))
        {
            yield return note;
        }
    }
}
