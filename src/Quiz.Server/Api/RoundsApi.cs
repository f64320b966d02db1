using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Quiz.Contracts;
using Quiz.Core.Features.Assessment;
using Quiz.Core.Features.Rounds;
using Quiz.Core.Rounds;
using Quiz.Server.Security;

namespace Quiz.Server.Api;

/// <summary>
/// Online timed rounds over plain REST: stateless, so a start storm spreads over any number of nodes. Participants
/// prove who they are with X-Participant-Token (roster personal code or self-registration); X-Device-Id is the
/// page's random id. The server's clock stamps every request; a client never names a time or an identity.
/// </summary>
internal static class RoundsApi
{
    private const string TokenHeader = "X-Participant-Token";
    private const string DeviceHeader = "X-Device-Id";

    public static void MapRoundsApi(this IEndpointRouteBuilder app)
    {
        var rounds = app.MapGroup("/api/rounds").WithTags("Online rounds");
        rounds.MapPost("/", Create).WithName("CreateOnlineRound").RequireAuthorization(Policies.Organizer);
        rounds.MapGet("/{contestId}", Info).WithName("GetRoundInfo");
        rounds.MapGet("/{contestId}/choices", Choices).WithName("GetRoundChoices")
            .WithDescription("Public: the units and districts the registration form offers (and where typing a new one is allowed).");
        rounds.MapPost("/{contestId}/register", Register).WithName("RegisterForRound").WithMetadata(new RequestSizeLimitAttribute(4096));
        rounds.MapPost("/{contestId}/attempt", Start).WithName("StartAttempt")
            .WithDescription("Starts the caller's one attempt or resumes it; concurrent starts get the same attempt; after it ended: 409 attempt_used.");
        rounds.MapGet("/{contestId}/attempt", Resume).WithName("GetAttempt");
        rounds.MapPut("/{contestId}/attempt/answers/{index:int}", Save).WithName("SaveAnswer").WithMetadata(new RequestSizeLimitAttribute(4096))
            .WithDescription("Autosave; refused (409 time_up) when the server receives it after the deadline.");
        rounds.MapPost("/{contestId}/attempt/submit", Submit).WithName("SubmitAttempt");
        rounds.MapGet("/{contestId}/attempt/review", Review).WithName("GetAttemptReview")
            .WithDescription("One's own paper with keys and explanations, once released, in a round created with review: true (never an assessment).");
        rounds.MapPost("/{contestId}/attempt/signals", Signal).WithName("ReportSignal").WithMetadata(new RequestSizeLimitAttribute(1024));
        rounds.MapGet("/{contestId}/boards", Boards).WithName("GetRoundBoards");
        rounds.MapGet("/{contestId}/results", Results).WithName("GetRoundResults")
            .WithDescription("An organizer's token or X-Host-Key: every ended attempt ranked, unit and district boards, integrity signals.");
        rounds.MapGet("/{contestId}/questions", Questions).WithName("GetRoundQuestionStats")
            .WithDescription("An organizer's token or X-Host-Key: per question of the pool, drawn, answered, correct rate, mean time, option counts.");
        rounds.MapRoundExports();
    }

    private static async Task<Created<OnlineRoundCreated>> Create(CreateOnlineRound command, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        return TypedResults.Created($"/api/rounds/{created.ContestId}", created);
    }

    /// <summary>The round's facts, and whether it is an assessment (asked of the assessment: the round does not know).</summary>
    private static async Task<Ok<RoundInfo>> Info(string contestId, ISender sender, CancellationToken ct)
    {
        var info = await sender.Send(new GetRoundInfo(contestId), ct);
        var assessment = await sender.Send(new IsAssessment(contestId), ct);
        return TypedResults.Ok(info with { Assessment = assessment, Review = info.Review && !assessment });
    }

    private static async Task<Ok<AttemptReview>> Review(string contestId, [FromHeader(Name = TokenHeader)] string? token, ISender sender, CancellationToken ct)
    {
        if (await sender.Send(new IsAssessment(contestId), ct))
        {
            throw new Core.Common.DomainException("review_off", "An assessment never shows its keys.");
        }
        return TypedResults.Ok(await sender.Send(new GetAttemptReview(contestId, token ?? ""), ct));
    }

    private static async Task<Ok<JoinChoices>> Choices(string contestId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new Core.Features.Live.GetJoinChoices(contestId), ct));

    /// <summary>
    /// Self-registration shares the admission gate with live joins (per address, then Quiz:Live:MaxJoinsPerSecond per
    /// node): a flood of made-up people is turned away with 429 busy instead of filling Redis; the page retries.
    /// </summary>
    private static async Task<Results<Ok<RoundRegistration>, ProblemHttpResult>> Register(string contestId, RegistrationInput input, ISender sender,
        Live.JoinGate gate, HttpContext http, CancellationToken ct)
    {
        if (!gate.TryEnter(http.Connection.RemoteIpAddress))
        {
            return TypedResults.Problem("The server is admitting many people right now; retry in a moment.", statusCode: StatusCodes.Status429TooManyRequests,
                extensions: new Dictionary<string, object?> { ["code"] = "busy" });
        }
        return TypedResults.Ok(await sender.Send(new RegisterForRound(contestId, input.Name, input.Unit, input.District), ct));
    }

    private static async Task<Ok<AttemptView>> Start(string contestId, [FromHeader(Name = TokenHeader)] string? token,
        [FromHeader(Name = DeviceHeader)] string? device, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new StartAttempt(contestId, token ?? "", device), ct));

    private static async Task<Ok<AttemptView>> Resume(string contestId, [FromHeader(Name = TokenHeader)] string? token,
        [FromHeader(Name = DeviceHeader)] string? device, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetAttempt(contestId, token ?? "", device), ct));

    private static async Task<Ok<AnswerSavedView>> Save(string contestId, int index, AnswerInput answer, [FromHeader(Name = TokenHeader)] string? token,
        TimeProvider clock, ISender sender, CancellationToken ct)
    {
        var receivedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(); // before anything else: the moment the server got it
        var saved = await sender.Send(new SaveAnswer(contestId, token ?? "", index, answer, receivedAt), ct);
        return TypedResults.Ok(saved with { ServerNowMs = clock.GetUtcNow().ToUnixTimeMilliseconds() });
    }

    private static async Task<Ok<AttemptResultView>> Submit(string contestId, [FromHeader(Name = TokenHeader)] string? token, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SubmitAttempt(contestId, token ?? ""), ct));

    private static async Task<NoContent> Signal(string contestId, SignalInput input, [FromHeader(Name = TokenHeader)] string? token, ISender sender, CancellationToken ct)
    {
        await sender.Send(new ReportSignal(contestId, token ?? "", input.Kind), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<RoundBoards>> Boards(string contestId, ISender sender, CancellationToken ct, int top = 10) =>
        TypedResults.Ok(await sender.Send(new GetRoundBoards(contestId, top), ct));

    private static async Task<Ok<RoundResults>> Results(string contestId, [FromHeader(Name = "X-Host-Key")] string? hostKey, ClaimsPrincipal user,
        ISender sender, CancellationToken ct)
    {
        await ContestsApi.AuthorizeAsync(contestId, hostKey, user, sender, ct);
        return TypedResults.Ok(await sender.Send(new GetRoundResults(contestId), ct));
    }

    private static async Task<Ok<IReadOnlyList<QuestionStat>>> Questions(string contestId, [FromHeader(Name = "X-Host-Key")] string? hostKey,
        ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        await ContestsApi.AuthorizeAsync(contestId, hostKey, user, sender, ct);
        return TypedResults.Ok(await sender.Send(new GetQuestionStats(contestId), ct));
    }

    public sealed record RegistrationInput(string Name, string? Unit, string? District);
}
