using System.Security.Claims;
using Mediator;
using Quiz.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using QRCoder;
using Quiz.Contracts;
using Quiz.Core.Accounts;
using Quiz.Core.Contests;
using Quiz.Core.Features.Contests;
using Quiz.Core.Features.Live;
using Quiz.Core.Features.Reasons;
using Quiz.Core.Features.Stage;
using Quiz.Core.Stage;
using Quiz.Server.Security;

namespace Quiz.Server.Api;

internal static class ContestsApi
{
    public static void MapContestsApi(this IEndpointRouteBuilder app)
    {
        var contests = app.MapGroup("/api/contests").WithTags("Contests");
        contests.MapPost("/", Create).WithName("CreateContest").RequireAuthorization(Policies.Organizer);
        contests.MapGet("/", (ISender sender, CancellationToken ct, int take = 200) => sender.Send(new ListContests(take), ct)).WithName("ListContests")
            .RequireAuthorization(Policies.Staff)
            .WithDescription("Contests and online rounds, newest first: title, kind (live, stage, online), join code, status, question and head counts. No keys.");
        contests.MapGet("/{contestId}", Setup).WithName("GetContestSetup").RequireAuthorization(Policies.Organizer)
            .WithDescription("How the contest was set up: title, join code, rounds (rules, question count) and the stage (teams, members, segments); no question text or keys.");
        contests.MapGet("/{contestId}/board", Board).WithName("GetLeaderboard")
            .WithDescription("The boards' top rows. Anyone: the public board (while a question is open or waits for its reveal, the board as it was when it opened). "
                + "A host, judge or organizer (token or header X-Host-Key): the live board. 409 online_round for an online round.");
        contests.MapGet("/{contestId}/questions/{seq:int}/reveal", Reveal).WithName("GetAnswerReveal")
            .WithDescription("The key, explanation and answer spread of a revealed question (409 not_revealed before); pages reloaded after the reveal redraw from it.");
        contests.MapPost("/{contestId}/audit", Audit).WithName("RecomputeBoards");
        contests.MapGet("/{contestId}/results.csv", Results).WithName("ExportResults")
            .WithDescription("An organizer's token or header X-Host-Key: every participant ranked as on the board (名次, 昵称, 队伍, 单位, 区县, 得分, 用时), UTF-8 CSV with a BOM.");
        contests.MapPost("/{contestId}/roster", ImportRoster).WithName("ImportRoster").RequireAuthorization(Policies.Organizer)
            .WithDescription("People [{ name, staffId, unit?, district?, phone? }] become participants; each gets a personal code, "
                + "shown only in this answer, with which they enter (Rejoin). A staff id already on the roster is skipped.");
        contests.MapPost("/{contestId}/screen-token", ScreenToken).WithName("IssueScreenToken")
            .WithDescription("An organizer's token or header X-Host-Key: a read-only token for one contest's big screen.");

        contests.MapGet("/stage-templates", StageTemplateList).WithName("ListStageTemplates").RequireAuthorization(Policies.Organizer);
        contests.MapGet("/stage-templates/{templateId}", StageTemplate).WithName("GetStageTemplate").RequireAuthorization(Policies.Organizer)
            .WithDescription("A stage-contest template (teams, segments, rounds drawn by blueprint) filled in for ?bankId=: post it to /api/contests as it is, or edited.");
        contests.MapGet("/stage-reasons", ReasonTexts.Of(ReasonTable.Stage)).WithName("ListStageReasons").RequireAuthorization(Policies.Organizer)
            .WithDescription("Every stage-setup error code with its English and Chinese text; field errors of a stage carry the code and its args.");

        app.MapGet("/api/join/{code}/qr.svg", JoinQr).WithTags("Contests").WithName("GetJoinQr");
        app.MapGet("/api/join/{code}", JoinChoices).WithTags("Contests").WithName("GetJoinChoices")
            .WithDescription("Public: the contest's title and the teams, units and districts its join form offers (and where typing a new one is allowed); nothing else.");
    }

    private static async Task<Created<ContestCreated>> Create(CreateContest command, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        return TypedResults.Created($"/api/contests/{created.ContestId}", created);
    }

    private static async Task<Ok<IReadOnlyList<StageTemplate>>> StageTemplateList(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListStageTemplates(), ct));

    private static async Task<Ok<ContestSetup>> Setup(string contestId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetContestSetup(contestId), ct));

    private static async Task<Ok<CreateContest>> StageTemplate(string templateId, string bankId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetStageTemplate(templateId, bankId), ct));

    private static async Task<Ok<Leaderboard>> Board(string contestId, [FromHeader(Name = "X-Host-Key")] string? hostKey, ClaimsPrincipal user,
        ISender sender, CancellationToken ct, int top = 10)
    {
        var live = Roles.Judges.Any(user.IsInRole);
        if (!live && !string.IsNullOrEmpty(hostKey))
        {
            await sender.Send(new AuthorizeHost(contestId, hostKey), ct); // a wrong key is refused, not served the public board
            live = true;
        }
        return TypedResults.Ok(await sender.Send(new GetLeaderboard(contestId, top, live), ct));
    }

    private static async Task<Ok<AnswerReveal>> Reveal(string contestId, int seq, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetAnswerReveal(contestId, seq), ct));

    /// <summary>Rebuilds the boards from the contest log and lists every difference; an organizer or the host key.</summary>
    private static async Task<Ok<BoardAuditReport>> Audit(string contestId, [FromHeader(Name = "X-Host-Key")] string? hostKey, ClaimsPrincipal user,
        ISender sender, CancellationToken ct, bool repair = false)
    {
        await AuthorizeAsync(contestId, hostKey, user, sender, ct);
        return TypedResults.Ok(await sender.Send(new RecomputeBoards(contestId, repair), ct));
    }

    /// <summary>Roster phones appear masked; in full only for an organizer who asks with ?phones=full.</summary>
    private static async Task<Results<FileContentHttpResult, ForbidHttpResult>> Results(string contestId, [FromHeader(Name = "X-Host-Key")] string? hostKey,
        ClaimsPrincipal user, ISender sender, CancellationToken ct, string? phones = null)
    {
        await AuthorizeAsync(contestId, hostKey, user, sender, ct);
        var full = phones == "full";
        if (full && !user.IsOrganizer())
        {
            return TypedResults.Forbid();
        }
        var rows = await sender.Send(new GetResults(contestId), ct);
        var phoneNumbers = await sender.Send(new GetRosterPhones(contestId, full), ct);
        return TypedResults.File(ResultsCsv.Write(rows, phoneNumbers), "text/csv; charset=utf-8", $"results-{contestId}.csv");
    }

    private static async Task<Ok<IReadOnlyList<RosterCode>>> ImportRoster(string contestId, RosterPerson[] people, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ImportRoster(contestId, people), ct));

    private static async Task<Ok<ScreenTokenDto>> ScreenToken(string contestId, [FromHeader(Name = "X-Host-Key")] string? hostKey, ClaimsPrincipal user,
        ISender sender, TokenIssuer issuer, CancellationToken ct)
    {
        await AuthorizeAsync(contestId, hostKey, user, sender, ct);
        return TypedResults.Ok(new ScreenTokenDto(issuer.ForScreen(contestId)));
    }

    public sealed record ScreenTokenDto(string Token);

    /// <summary>
    /// Organizers may act on any contest; anyone else needs the contest's host key (what the pages send). A caller with
    /// neither a login nor a key is 401, as every other /api endpoint answers the unauthenticated; a wrong key, or an
    /// account without the role and no key, is 403.
    /// </summary>
    internal static async Task AuthorizeAsync(string contestId, string? hostKey, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        if (user.IsOrganizer())
        {
            await sender.Send(new GetJoinCode(contestId), ct);
            return;
        }
        if (string.IsNullOrEmpty(hostKey) && user.Identity?.IsAuthenticated != true)
        {
            throw new DomainException("unauthorized", "Log in as an organizer, or send the contest's host key as X-Host-Key.");
        }
        await sender.Send(new AuthorizeHost(contestId, hostKey ?? ""), ct);
    }

    private static async Task<Ok<JoinChoices>> JoinChoices(string code, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetJoinChoices(await sender.Send(new FindContestByCode(code), ct)), ct));

    /// <summary>A QR code of the join link, for the big screen and printed posters. Checks the code exists first.</summary>
    private static async Task<IResult> JoinQr(string code, HttpRequest request, ISender sender, CancellationToken ct)
    {
        await sender.Send(new FindContestByCode(code), ct);
        var link = $"{request.Scheme}://{request.Host}/play?code={Uri.EscapeDataString(code)}";
        using var data = QRCodeGenerator.GenerateQrCode(link, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(8);
        return TypedResults.Text(svg, "image/svg+xml");
    }
}
