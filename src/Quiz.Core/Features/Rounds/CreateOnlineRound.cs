using Mediator;
using Quiz.Core.Banks;
using Quiz.Core.Common;
using Quiz.Core.Contests;
using Quiz.Core.Features.Banks;
using Quiz.Core.Rounds;

namespace Quiz.Core.Features.Rounds;

/// <summary>
/// Creates an online timed round: a contest whose question snapshot is the pool (every active question of the bank
/// that some blueprint rule can take), from which each person draws their own paper when they start.
/// </summary>
public sealed record CreateOnlineRound(
    string Title,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    int TimeLimitSeconds,
    string BankId,
    IReadOnlyList<BlueprintRule> Blueprint,
    double Points = 10,
    PartialCredit PartialCredit = PartialCredit.None,
    ResultsRelease Results = ResultsRelease.AtClose,
    bool SelfRegistration = false,
    int MinMsPerAnswer = 1500,
    bool PublicNames = false,
    bool Review = false,
    ContestGroups? Groups = null) : ICommand<OnlineRoundCreated>, IValidated, IAudited
{
    public string AuditTarget => "contest:new";

    public object? AuditInput => new { Title, OpensAt, ClosesAt, TimeLimitSeconds, BankId, Questions = Blueprint?.Sum(r => r?.Count ?? 0) };

    public IEnumerable<FieldError> Validate()
    {
        if (TypedText.Check("title", Title, TextShape.Line, 200, required: true) is { } title)
        {
            yield return title;
        }
        if (ClosesAt <= OpensAt)
        {
            yield return new FieldError("closesAt", "is after opensAt");
        }
        if (TimeLimitSeconds is < 10 or > 24 * 3600)
        {
            yield return new FieldError("timeLimitSeconds", "is 10 seconds to 24 hours");
        }
        if (string.IsNullOrWhiteSpace(BankId))
        {
            yield return new FieldError("bankId", "is required");
        }
        if (Blueprint is not { Count: > 0 } || Blueprint.Any(r => r is null || r.Count < 1) || Blueprint.Sum(r => (long)r.Count) > DrawPaper.MaxQuestions)
        {
            yield return new FieldError("blueprint", $"at least one rule, each drawing at least 1 question, {DrawPaper.MaxQuestions} in all at most");
        }
        else
        {
            foreach (var error in Blueprint.SelectMany((r, i) => r.FilterErrors($"blueprint[{i}]")))
            {
                yield return error;
            }
        }
        if (Points is <= 0 or > 1000)
        {
            yield return new FieldError("points", "is more than 0 and at most 1000");
        }
        if (!Enum.IsDefined(PartialCredit))
        {
            yield return new FieldError("partialCredit", "is None or Proportional");
        }
        if (!Enum.IsDefined(Results))
        {
            yield return new FieldError("results", "is AtClose or Immediately");
        }
        if (MinMsPerAnswer is < 0 or > 600_000)
        {
            yield return new FieldError("minMsPerAnswer", "is 0 to 600000");
        }
        foreach (var error in Groups?.Validate("groups") ?? [])
        {
            yield return error;
        }
    }
}

public sealed record OnlineRoundCreated(string ContestId, string HostKey, int PoolSize, int PaperSize);

public sealed class CreateOnlineRoundHandler(IQuestionSource questions, IContestStore contests, IAttemptStore attempts, TimeProvider clock)
    : ICommandHandler<CreateOnlineRound, OnlineRoundCreated>
{
    /// <summary>Seeds tried at creation when some question of the pool excludes another.</summary>
    public const int ExclusionChecks = 100;

    public async ValueTask<OnlineRoundCreated> Handle(CreateOnlineRound command, CancellationToken cancellationToken)
    {
        if (command.ClosesAt <= clock.GetUtcNow())
        {
            // Validate has no clock: a window that closed already would make a round nobody can ever start.
            throw new QuizValidationException([new FieldError("closesAt", "is in the past; the round could never be taken")]);
        }
        var bank = await questions.GetActiveQuestionsAsync(command.BankId, cancellationToken);
        var pool = bank.Where(q => command.Blueprint.Any(r => r.Matches(q))).OrderBy(q => q.Id, StringComparer.Ordinal).ToList();
        // Every person draws their own paper at start. Without exclusions one draw shows whether every rule can be
        // filled; with them a draw may corner itself, so a hundred seeds are tried before anyone meets a refusal.
        var seeds = pool.Any(q => q.Excludes.Count > 0) ? ExclusionChecks : 1;
        for (var seed = 0; seed < seeds; seed++)
        {
            var check = PaperDrawer.Draw(command.BankId, pool, command.Blueprint, seed);
            if (check.Paper is null)
            {
                throw new DomainException("blueprint_short", "The bank cannot satisfy the blueprint. " + string.Join(" ", check.Shortfalls.Select(s => s.Message)));
            }
        }
        var hostKey = Ids.Secret();
        var contest = new ContestDefinition
        {
            Id = Ids.New(),
            Title = TypedText.Clean(command.Title, TextShape.Line),
            Rounds = [new ContestRound("网络答题", new RoundRules())],
            Questions = [.. pool.Select((q, i) => new ContestQuestion(i, 0, q, [.. Enumerable.Range(0, q.Options.Count)], KeyCommitment.NewSalt()))],
            HostKeyHash = Ids.Hash(hostKey),
            CreatedAt = clock.GetUtcNow(),
            Groups = (command.Groups ?? new ContestGroups()).Cleaned(),
            Online = new OnlineRound
            {
                OpensAt = command.OpensAt,
                ClosesAt = command.ClosesAt,
                TimeLimitSeconds = command.TimeLimitSeconds,
                BankId = command.BankId,
                Blueprint = command.Blueprint,
                Points = command.Points,
                PartialCredit = command.PartialCredit,
                Results = command.Results,
                SelfRegistration = command.SelfRegistration,
                MinMsPerAnswer = command.MinMsPerAnswer,
                PublicNames = command.PublicNames,
                Review = command.Review,
                PaperSalt = Ids.Secret(),
            },
        };
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (await contests.CreateAsync(contest, Ids.JoinCode(), cancellationToken))
            {
                await attempts.RegisterRoundAsync(contest.Id, cancellationToken);
                return new OnlineRoundCreated(contest.Id, hostKey, pool.Count, command.Blueprint.Sum(r => r.Count));
            }
        }
        throw new DomainException("no_join_code", "No free join code was found; try again.");
    }
}
