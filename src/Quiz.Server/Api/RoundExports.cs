using System.Globalization;
using System.Security.Claims;
using System.Text;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;
using Quiz.Core.Banks;
using Quiz.Core.Features.Live;
using Quiz.Core.Features.Rounds;
using Quiz.Core.Rounds;
using Quiz.Server.Security;

namespace Quiz.Server.Api;

/// <summary>
/// Online-round exports for the organizer (or the host key): results per person with unit, district and the
/// integrity signals, and per-question statistics for calibrating later papers; each as CSV (UTF-8 with a BOM,
/// formulas defused) and xlsx, from the same rows.
/// </summary>
internal static class RoundExports
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapRoundExports(this RouteGroupBuilder rounds)
    {
        foreach (var format in new[] { "csv", "xlsx" })
        {
            rounds.MapGet($"/{{contestId}}/results.{format}", (string contestId, [FromHeader(Name = "X-Host-Key")] string? hostKey, ClaimsPrincipal user,
                ISender sender, CancellationToken ct, string? phones) => Results(contestId, format, hostKey, user, sender, ct, phones)).WithName($"ExportRoundResults-{format}")
                .WithDescription("Roster phones appear masked (139****5678); in full only for an organizer who asks with ?phones=full (audited).");
            rounds.MapGet($"/{{contestId}}/questions.{format}", (string contestId, [FromHeader(Name = "X-Host-Key")] string? hostKey, ClaimsPrincipal user,
                ISender sender, CancellationToken ct) => Questions(contestId, format, hostKey, user, sender, ct)).WithName($"ExportRoundQuestions-{format}");
        }
    }

    /// <summary>Like the live results export: a 手机 column when the roster has phones, masked unless an organizer asks for them in full.</summary>
    private static async Task<IResult> Results(string contestId, string format, string? hostKey,
        ClaimsPrincipal user, ISender sender, CancellationToken ct, string? phones)
    {
        await ContestsApi.AuthorizeAsync(contestId, hostKey, user, sender, ct);
        var full = phones == "full";
        if (full && !user.IsOrganizer())
        {
            return TypedResults.Forbid();
        }
        var results = await sender.Send(new GetRoundResults(contestId), ct);
        var phoneNumbers = await sender.Send(new GetRosterPhones(contestId, full), ct);
        (string, object?)[] Phone(string participantId) => phoneNumbers.Count > 0 ? [("手机", phoneNumbers.GetValueOrDefault(participantId))] : [];
        var rows = results.People.Select(p => Row([
            ("名次", p.Rank), ("姓名", p.Name), ("单位", p.Unit), ("区县", p.District),
            .. Phone(p.ParticipantId),
            ("得分", p.Score), ("满分", p.MaxScore),
            ("用时(秒)", p.TimeUsedMs / 1000.0), ("开始时间", Time(p.StartedAtMs)), ("交卷时间", Time(p.SubmittedAtMs)),
            ("到时自动交卷", p.Automatic ? "是" : "否"), ("作答题数", p.Answered), ("答对题数", p.Correct),
            ("过快作答", p.FastAnswers), ("失去焦点", p.FocusLost), ("切换页面", p.TabHidden),
            ("同设备其他身份", p.SameDeviceAs), ("答案完全相同人数", p.SameAnswersAs), ("参赛者编号", p.ParticipantId)]));
        return File([.. rows], format, $"round-results-{contestId}");
    }

    private static async Task<IResult> Questions(string contestId, string format, string? hostKey,
        ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        await ContestsApi.AuthorizeAsync(contestId, hostKey, user, sender, ct);
        var stats = await sender.Send(new GetQuestionStats(contestId), ct);
        var rows = stats.Select(s => Row([
            ("题目编号", s.Key ?? s.QuestionId), ("题干", s.Stem), ("题型", QuestionTypeNames.Chinese(s.Type)), ("分类", s.Category),
            ("难度", s.Difficulty), ("抽中次数", s.Drawn), ("作答次数", s.Answered), ("答对次数", s.Correct),
            ("正确率", s.CorrectRate), ("平均用时(秒)", Math.Round(s.MeanTimeMs / 1000.0, 1)),
            ("选项分布", string.Join("; ", s.OptionCounts.Select((n, i) => $"{(char)('A' + i)} {n}"))),
            ("题目ID", s.QuestionId)]));
        return File([.. rows], format, $"round-questions-{contestId}");
    }

    private static Dictionary<string, object?> Row(IReadOnlyList<(string Header, object? Value)> cells) => cells.ToDictionary(c => c.Header, c => c.Value);

    private static string Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private static IResult File(IReadOnlyList<Dictionary<string, object?>> rows, string format, string name)
    {
        if (format == "xlsx")
        {
            using var stream = new MemoryStream();
            stream.SaveAs(rows.Select(r => r.ToDictionary(c => c.Key, c => c.Value)).ToList(), excelType: ExcelType.XLSX);
            return TypedResults.File(stream.ToArray(), Xlsx, name + ".xlsx");
        }
        var csv = new StringBuilder();
        if (rows.Count > 0)
        {
            csv.Append(string.Join(',', rows[0].Keys)).Append("\r\n");
        }
        foreach (var row in rows)
        {
            csv.Append(string.Join(',', row.Values.Select(Cell))).Append("\r\n");
        }
        return TypedResults.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())], "text/csv; charset=utf-8", name + ".csv");
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        string s => ResultsCsv.Field(s),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => ResultsCsv.Field(value.ToString()),
    };
}
