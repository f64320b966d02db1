using MapsterMapper;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Quiz.Contracts.Banks;
using Quiz.Core.Banks.Formats;
using Quiz.Core.Contests;
using Quiz.Core.Features.Contests;
using Quiz.Core.Features.Reasons;
using Quiz.Server.Security;

namespace Quiz.Server.Api;

/// <summary>
/// Rosters from a spreadsheet (.xlsx or .csv), for live contests and online rounds alike: checked row by row with the
/// bank import's readers and error report, a dry run, then imported with the same command as the JSON roster.
/// </summary>
internal static class RosterApi
{
    public sealed record RosterReport(bool Ok, bool DryRun, IReadOnlyList<ImportErrorDto> Errors, int Added, int Skipped, IReadOnlyList<RosterEntry> People);

    /// <summary>A person's personal code (shown only in this answer) with their sheet row, or why they were skipped.</summary>
    public sealed record RosterEntry(int Row, string StaffId, string Name, string? Code, string? Skipped);

    public static void MapRosterApi(this IEndpointRouteBuilder app)
    {
        var contests = app.MapGroup("/api/contests").WithTags("Contests");
        contests.MapPost("/{contestId}/roster/import", Import).WithName("ImportRosterFile").RequireAuthorization(Policies.Organizer)
            // No Accepts metadata: it would answer 415 to a stranger's request before authorization answers 401.
            .WithDescription("A roster sheet in multipart field 'file' (or the raw body with ?format=): xlsx or csv, UTF-8 or GB18030, "
                + "columns 姓名, 工号, 单位, 区县, 手机; every row checked, all or "
                + "nothing; 400 with every error by row and column; dryRun=true reports what would happen. Each new person's personal code is in this answer only.");
        contests.MapGet("/roster-template.xlsx", () => Template(BankFormat.Xlsx)).WithName("GetRosterXlsxTemplate");
        contests.MapGet("/roster-template.csv", () => Template(BankFormat.Csv)).WithName("GetRosterCsvTemplate");
        contests.MapGet("/roster-reasons", ReasonTexts.Of(ReasonTable.Roster)).WithName("ListRosterReasons").RequireAuthorization(Policies.Organizer)
            .WithDescription("Every roster error code with its English and Chinese text (file-level errors use the bank codes: /api/banks/reasons).");
    }

    private static FileContentHttpResult Template(BankFormat format) =>
        TypedResults.File(RosterSheet.Template(format), BankFormats.ContentType(format), $"roster-template.{BankFormats.Extension(format)}");

    private static async Task<Results<Ok<RosterReport>, BadRequest<RosterReport>, ProblemHttpResult>> Import(string contestId, HttpRequest request,
        ISender sender, IMapper mapper, CancellationToken ct, string? format = null, bool dryRun = false)
    {
        if (request.ContentLength > BankFilesApi.MaxUploadBytes + 64 * 1024)
        {
            return BankFilesApi.TooLarge();
        }
        var upload = await BankFilesApi.ReadUploadAsync(request, ct);
        if (upload.Problem is not null)
        {
            return upload.Problem;
        }
        if ((!BankFormats.TryParse(format, out var parsed) && !BankFormats.TryFromFileName(upload.FileName, out parsed)) || parsed is not (BankFormat.Xlsx or BankFormat.Csv))
        {
            return BankFilesApi.Problem(RosterReasons.Format.With(), StatusCodes.Status400BadRequest);
        }
        var check = await sender.Send(new CheckRosterFile(contestId, parsed, upload.Bytes), ct);
        if (!check.Ok)
        {
            return TypedResults.BadRequest(new RosterReport(false, dryRun, mapper.Map<ImportErrorDto[]>(check.Errors), 0, 0, []));
        }
        if (dryRun)
        {
            return TypedResults.Ok(new RosterReport(true, true, [], check.New, check.OnRoster, []));
        }
        var codes = await sender.Send(new ImportRoster(contestId, [.. check.People.Select(p => p.Person)]), ct);
        var people = codes.Select((c, i) => new RosterEntry(check.People[i].Row, c.StaffId, c.Name, c.Code, c.Skipped)).ToList();
        return TypedResults.Ok(new RosterReport(true, false, [], people.Count(p => p.Code is not null), people.Count(p => p.Code is null), people));
    }
}
