using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Quiz.Core.Assessment;
using Quiz.Core.Features.Assessment;
using Quiz.Core.Features.Reasons;
using Quiz.Server.Security;

namespace Quiz.Server.Api;

/// <summary>
/// The literacy assessment: setup, margins and exports for organizers; the profile for participants (their token);
/// the indicator read-only for the big screen (aggregates only, never a person). See docs/assessment.md.
/// </summary>
internal static class AssessmentApi
{
    public static void MapAssessmentApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/assessments", CreateWithRound).WithTags("Assessment").WithName("CreateAssessmentRound").RequireAuthorization(Policies.Organizer)
            .WithDescription("Creates the online round (20 + 10 + 10 + 10 items of 2 points from 科学素质测评题库, or bankId) and makes it an assessment, in one step.");
        // Public: texts only, which the public big screen needs to say why a district shows no figure.
        app.MapGet("/api/assessments/reasons", ReasonTexts.Of(ReasonTable.Assessment)).WithTags("Assessment").WithName("ListAssessmentReasons")
            .WithDescription("Every margins error code and district status code with its English and Chinese text.");
        var group = app.MapGroup("/api/assessments/{contestId}").WithTags("Assessment");
        group.MapPut("/", Create).WithName("CreateAssessment").RequireAuthorization(Policies.Organizer)
            .WithDescription("Makes an existing online round an assessment (its paper must be 100 points on 40/20/20/20); "
                + "the body sets only the targets; anything left out takes the action plan's.");
        group.MapGet("/", Get).WithName("GetAssessment").RequireAuthorization(Policies.Organizer);
        // No Accepts<>(): routing would answer 415 to a wrong content type before authorization could answer 401.
        group.MapPut("/margins", Margins).WithName("LoadMargins").RequireAuthorization(Policies.Organizer)
            .WithDescription("The population margins as the raw CSV body (district,dimension,code,population). 400 lists every bad row and field, each with a code; nothing is stored then.");
        group.MapDelete("/margins", RemoveMargins).WithName("RemoveMargins").RequireAuthorization(Policies.Organizer)
            .WithDescription("Removes the uploaded margins (audited): every share is raw again. 204, or 404 when there were none.");
        group.MapGet("/report", Report).WithName("GetAssessmentReport").RequireAuthorization(Policies.Organizer);
        group.MapGet("/report.csv", (string contestId, ISender sender, CancellationToken ct) => Export(contestId, false, sender, ct))
            .WithName("ExportAssessmentCsv").RequireAuthorization(Policies.Organizer);
        group.MapGet("/report.xlsx", (string contestId, ISender sender, CancellationToken ct) => Export(contestId, true, sender, ct))
            .WithName("ExportAssessmentXlsx").RequireAuthorization(Policies.Organizer);
        group.MapGet("/items", async (string contestId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetItemAnalysis(contestId, "json"), ct)))
            .WithName("GetItemAnalysis").RequireAuthorization(Policies.Organizer)
            .WithDescription("Per item of the pool: p, point-biserial discrimination (flagged below 0.2), distractor counts, the key. Audited.");
        group.MapGet("/items.csv", (string contestId, ISender sender, CancellationToken ct) => ExportItems(contestId, false, sender, ct))
            .WithName("ExportItemAnalysisCsv").RequireAuthorization(Policies.Organizer);
        group.MapGet("/items.xlsx", (string contestId, ISender sender, CancellationToken ct) => ExportItems(contestId, true, sender, ct))
            .WithName("ExportItemAnalysisXlsx").RequireAuthorization(Policies.Organizer);
        group.MapGet("/screen", Screen).WithName("GetAssessmentScreen")
            .WithDescription("The same figures for the big screen, without login: aggregates only, suppressed districts without shares; at most 10 s old.");
        group.MapPost("/profile", Profile).WithName("GiveProfile")
            .WithDescription("A participant, with their participant token, gives age band, sex, education, district and residence with consent: true; consent: false withdraws it; without consent: 400.");
    }

    /// <summary>
    /// Composed here rather than in one handler (a handler does not send through the mediator): everything is checked
    /// before the round is written, and the round is checked again as an assessment after.
    /// </summary>
    private static async Task<Created<AssessmentCreated>> CreateWithRound(PlanAssessmentRound plan, ISender sender, CancellationToken ct)
    {
        var round = await sender.Send(await sender.Send(plan, ct), ct);
        var setup = await sender.Send(new CreateAssessment(round.ContestId, plan.CityTarget, plan.Targets), ct);
        return TypedResults.Created($"/api/assessments/{round.ContestId}", new AssessmentCreated(round, setup));
    }

    /// <summary>The answer to <c>POST /api/assessments</c>: the round (its host key is shown once) and the assessment setup.</summary>
    public sealed record AssessmentCreated(Core.Features.Rounds.OnlineRoundCreated Round, AssessmentSetup Setup);

    private static async Task<Ok<AssessmentSetup>> Create(string contestId, AssessmentSpec? spec, ISender sender, CancellationToken ct)
    {
        spec ??= new AssessmentSpec();
        if (spec.PaperFields().ToList() is { Count: > 0 } errors)
        {
            throw new Core.Common.QuizValidationException(errors);
        }
        return TypedResults.Ok(await sender.Send(new CreateAssessment(contestId, spec.CityTarget, spec.Targets), ct));
    }

    /// <summary>
    /// The body of <c>PUT /api/assessments/{contestId}</c>: every field optional; the paper is the round's, so a body
    /// that names one (bankId, blueprint, as this call once took) is refused rather than quietly ignored.
    /// </summary>
    public sealed record AssessmentSpec(double? CityTarget = null, IReadOnlyDictionary<string, double>? Targets = null,
        System.Text.Json.JsonElement? BankId = null, System.Text.Json.JsonElement? Blueprint = null, System.Text.Json.JsonElement? PointsPerItem = null)
    {
        public IEnumerable<Core.Common.FieldError> PaperFields()
        {
            foreach (var (name, value) in new[] { ("bankId", BankId), ("blueprint", Blueprint), ("pointsPerItem", PointsPerItem) })
            {
                if (value is not null)
                {
                    yield return new Core.Common.FieldError(name, "the paper is the online round's; create the assessment with POST /api/assessments or mark a round whose paper fits");
                }
            }
        }
    }

    private static async Task<Ok<AssessmentSetup>> Get(string contestId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetAssessment(contestId), ct));

    private static async Task<Results<Ok<MarginsSummary>, ProblemHttpResult>> Margins(string contestId, HttpRequest request, ISender sender, CancellationToken ct)
    {
        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            if (body.Length + read > LoadMargins.MaxBytes)
            {
                var reason = AssessmentReasons.Size.With(("mb", LoadMargins.MaxBytes / 1024 / 1024));
                return TypedResults.Problem(reason.Message, statusCode: StatusCodes.Status413PayloadTooLarge,
                    extensions: new Dictionary<string, object?> { ["reason"] = reason.Code, ["args"] = reason.Args });
            }
            body.Write(buffer, 0, read);
        }
        return TypedResults.Ok(await sender.Send(new LoadMargins(contestId, body.ToArray()), ct));
    }

    private static async Task<Results<NoContent, NotFound>> RemoveMargins(string contestId, ISender sender, CancellationToken ct) =>
        await sender.Send(new Core.Features.Assessment.RemoveMargins(contestId), ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Ok<AssessmentReport>> Report(string contestId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetAssessmentReport(contestId), ct));

    private static async Task<Ok<AssessmentReport>> Screen(string contestId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetAssessmentScreen(contestId), ct));

    private static async Task<FileContentHttpResult> Export(string contestId, bool xlsx, ISender sender, CancellationToken ct)
    {
        var report = await sender.Send(new ExportAssessmentReport(contestId, xlsx ? "xlsx" : "csv"), ct);
        return Table(AssessmentExport.Rows(report), xlsx, $"assessment-{contestId}");
    }

    private static async Task<FileContentHttpResult> ExportItems(string contestId, bool xlsx, ISender sender, CancellationToken ct)
    {
        var report = await sender.Send(new GetItemAnalysis(contestId, xlsx ? "xlsx" : "csv"), ct);
        return Table(ItemAnalysisExport.Rows(report), xlsx, $"assessment-items-{contestId}");
    }

    private static FileContentHttpResult Table(IEnumerable<string[]> rows, bool xlsx, string name) => xlsx
        ? TypedResults.File(AssessmentExport.Xlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{name}.xlsx")
        : TypedResults.File(AssessmentExport.Csv(rows), "text/csv; charset=utf-8", $"{name}.csv");

    private static async Task<Ok<ProfileOutcome>> Profile(string contestId, ProfileInput input, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GiveProfile(contestId, input.Token ?? "", input.Consent, input.AgeBand, input.Sex, input.Education, input.District,
            input.Residence), ct));

    /// <summary>The body of <c>POST /api/assessments/{contestId}/profile</c>; <c>consent</c> must be given either way (400 without it).</summary>
    public sealed record ProfileInput(string? Token, bool? Consent, string? AgeBand = null, string? Sex = null, string? Education = null, string? District = null,
        string? Residence = null);
}
