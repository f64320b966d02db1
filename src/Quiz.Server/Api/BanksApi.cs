using MapsterMapper;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Quiz.Contracts.Banks;
using Quiz.Core.Banks;
using Quiz.Core.Common;
using Quiz.Core.Features.Banks;
using Quiz.Server.Security;

namespace Quiz.Server.Api;

/// <summary>Banks and their questions for organizers; import, export and templates are in <see cref="BankFilesApi"/>.</summary>
internal static class BanksApi
{
    public static void MapBanksApi(this IEndpointRouteBuilder app)
    {
        // Banks hold the answer keys: reads are as private as writes.
        var banks = app.MapGroup("/api/banks").WithTags("Banks").RequireAuthorization(Policies.Organizer);
        banks.MapGet("/", ListBanks).WithName("ListBanks");
        banks.MapPost("/", CreateBank).WithName("CreateBank");
        banks.MapGet("/{bankId}", GetBank).WithName("GetBank");
        banks.MapPut("/{bankId}", RenameBank).WithName("RenameBank");
        banks.MapDelete("/{bankId}", DeleteBank).WithName("DeleteBank");
        banks.MapPost("/{bankId}/papers", DrawPaper).WithName("DrawPaper")
            .WithDescription("Draws a paper by rules; 409 names every rule the bank cannot satisfy and how many questions short it is.");

        var questions = banks.MapGroup("/{bankId}/questions").WithTags("Questions");
        questions.MapGet("/", SearchQuestions).WithName("SearchQuestions")
            .WithDescription("Filters the bank's questions; reviewDue=true lists only those whose review-by date is today (China time) or past.");
        questions.MapPost("/", AddQuestion).WithName("AddQuestion");
        questions.MapGet("/{questionId}", GetQuestion).WithName("GetQuestion");
        questions.MapPut("/{questionId}", EditQuestion).WithName("EditQuestion");
        questions.MapPost("/{questionId}/retire", RetireQuestion).WithName("RetireQuestion");
    }

    private static async Task<Ok<BankDto[]>> ListBanks(ISender sender, IMapper mapper, CancellationToken ct) =>
        TypedResults.Ok(mapper.Map<BankDto[]>(await sender.Send(new ListBanks(), ct)));

    private static async Task<Created<BankDto>> CreateBank(BankNameInput input, ISender sender, IMapper mapper, CancellationToken ct)
    {
        var bank = mapper.Map<BankDto>(await sender.Send(new CreateBank(input.Name), ct));
        return TypedResults.Created($"/api/banks/{bank.Id}", bank);
    }

    private static async Task<Ok<BankDto>> GetBank(string bankId, ISender sender, IMapper mapper, CancellationToken ct) =>
        TypedResults.Ok(mapper.Map<BankDto>(await sender.Send(new GetBank(bankId), ct)));

    private static async Task<Ok<BankDto>> RenameBank(string bankId, BankNameInput input, ISender sender, IMapper mapper, CancellationToken ct) =>
        TypedResults.Ok(mapper.Map<BankDto>(await sender.Send(new RenameBank(bankId, input.Name), ct)));

    private static async Task<NoContent> DeleteBank(string bankId, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteBank(bankId), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<QuestionPageDto>> SearchQuestions(string bankId, ISender sender, IMapper mapper, CancellationToken ct,
        string? category = null, string? tag = null, string? type = null, int? difficulty = null, string? text = null,
        bool includeRetired = false, bool reviewDue = false, int page = 1, int pageSize = 20) =>
        TypedResults.Ok(mapper.Map<QuestionPageDto>(await sender.Send(
            new SearchQuestions(bankId, category, tag, type, difficulty, text, includeRetired, reviewDue, page, pageSize), ct)));

    private static async Task<Created<QuestionDto>> AddQuestion(string bankId, QuestionInput input, ISender sender, IMapper mapper, CancellationToken ct)
    {
        var question = mapper.Map<QuestionDto>(await sender.Send(new AddQuestion(bankId, mapper.Map<QuestionDraft>(input)), ct));
        return TypedResults.Created($"/api/banks/{bankId}/questions/{question.Id}", question);
    }

    private static async Task<Ok<QuestionDto>> GetQuestion(string bankId, string questionId, ISender sender, IMapper mapper, CancellationToken ct) =>
        TypedResults.Ok(mapper.Map<QuestionDto>(await sender.Send(new GetQuestion(bankId, questionId), ct)));

    private static async Task<Ok<QuestionDto>> EditQuestion(string bankId, string questionId, QuestionInput input, ISender sender, IMapper mapper, CancellationToken ct) =>
        TypedResults.Ok(mapper.Map<QuestionDto>(await sender.Send(new EditQuestion(bankId, questionId, mapper.Map<QuestionDraft>(input)), ct)));

    private static async Task<Ok<QuestionDto>> RetireQuestion(string bankId, string questionId, ISender sender, IMapper mapper, CancellationToken ct) =>
        TypedResults.Ok(mapper.Map<QuestionDto>(await sender.Send(new RetireQuestion(bankId, questionId), ct)));

    private static async Task<Results<Ok<PaperDto>, Conflict<ShortfallReportDto>>> DrawPaper(string bankId, BlueprintInput input, ISender sender, IMapper mapper, CancellationToken ct)
    {
        var unknown = (input.Rules ?? []).Select((r, i) => (r, i))
            .Where(x => x.r.Type is not null && !QuestionTypeNames.TryParse(x.r.Type, out _))
            .Select(x => new FieldError($"rules[{x.i}].type", "is single, multiple, truefalse, fill or ordering")).ToList();
        if (unknown.Count > 0)
        {
            throw new QuizValidationException(unknown);
        }
        var outcome = await sender.Send(new DrawPaper(bankId, mapper.Map<BlueprintRule[]>(input.Rules ?? []), input.Seed), ct);
        return outcome.Paper is { } paper
            ? TypedResults.Ok(mapper.Map<PaperDto>(paper))
            : TypedResults.Conflict(new ShortfallReportDto(mapper.Map<ShortfallDto[]>(outcome.Shortfalls)));
    }
}
