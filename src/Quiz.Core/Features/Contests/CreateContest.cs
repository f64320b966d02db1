using Mediator;
using Quiz.Core.Banks;
using Quiz.Core.Common;
using Quiz.Core.Contests;
using Quiz.Core.Stage;

namespace Quiz.Core.Features.Contests;

/// <summary>
/// A round as the organizer describes it: its rules and the questions it takes from a bank, either picked by id or
/// drawn by a blueprint (the draw happens once, at creation, and is stored with the contest).
/// </summary>
public sealed record RoundSpec(string Title, RoundRules? Rules, string BankId, IReadOnlyList<string>? QuestionIds, IReadOnlyList<BlueprintRule>? Blueprint = null);

/// <summary>
/// Creates a live contest: snapshots its questions (later bank edits do not reach it), fixes each question's option
/// order and key salt, and reserves a join code. The host key is returned once and stored only as a hash.
/// </summary>
/// <remarks><see cref="Stage"/>: teams on stage and each round's segment (知识竞赛); the audience plays every question as usual.</remarks>
/// <remarks><see cref="Shards"/>: how many store slots the contest's answers and boards are split over (1-64; 1 keeps it in
/// one slot). More than one for a contest larger than one Redis core serves (docs/scale-out.md).
/// <see cref="Groups"/>: the teams, units and districts participants choose from (Hangzhou's 13 districts when not given).</remarks>
public sealed record CreateContest(string Title, IReadOnlyList<RoundSpec> Rounds, StageSetup? Stage = null, int Shards = 1, ContestGroups? Groups = null)
    : ICommand<ContestCreated>, IValidated, IAudited
{
    /// <summary>The most points a participant may win (or lose) in one contest; see <c>BoardScore</c>.</summary>
    public const long MaxTotalPoints = 900_000;

    /// <summary>Caps on a contest's size: every node holds its definition in memory, and a small request must not make a huge one.</summary>
    public const int MaxRounds = 20;
    public const int MaxQuestions = 1000;
    /// <summary>Characters of every text of the snapshot's questions (stems, options, explanations, keys, categories, tags...).</summary>
    public const int MaxQuestionText = 1_000_000;
    public const int MaxTitle = 200;

    public string AuditTarget => "contest:new";

    public object? AuditInput => new { Title, Rounds = Rounds?.Count ?? 0, StageTeams = Stage?.Teams?.Count, Shards };

    public IEnumerable<FieldError> Validate()
    {
        if (TypedText.Check("title", Title, TextShape.Line, MaxTitle, required: true) is { } title)
        {
            yield return title;
        }
        if (Shards is < 1 or > ContestShards.Max)
        {
            yield return new FieldError("shards", $"must be between 1 and {ContestShards.Max}");
        }
        foreach (var error in Groups?.Validate("groups") ?? [])
        {
            yield return error;
        }
        if (Rounds is null || Rounds.Count is 0 or > MaxRounds)
        {
            yield return new FieldError("rounds", $"a contest has 1 to {MaxRounds} rounds");
            yield break;
        }
        if (Rounds.Sum(r => (long)(r?.Blueprint is { Count: > 0 } b ? b.Sum(x => (long)(x?.Count ?? 0)) : r?.QuestionIds?.Count ?? 0)) > MaxQuestions)
        {
            yield return new FieldError("rounds", $"a contest has at most {MaxQuestions} questions in all its rounds");
        }
        for (var i = 0; i < Rounds.Count; i++)
        {
            var round = Rounds[i];
            if (round is null)
            {
                yield return new FieldError($"rounds[{i}]", "is required");
                continue;
            }
            if (string.IsNullOrWhiteSpace(round.BankId))
            {
                yield return new FieldError($"rounds[{i}].bankId", "is required");
            }
            if (TypedText.Check($"rounds[{i}].title", round.Title, TextShape.Line, MaxTitle) is { } roundTitle)
            {
                yield return roundTitle;
            }
            if (round.Blueprint is { Count: > 0 } blueprint)
            {
                if (round.QuestionIds is { Count: > 0 })
                {
                    yield return new FieldError($"rounds[{i}]", "give either questionIds or a blueprint, not both");
                }
                for (var r = 0; r < blueprint.Count; r++)
                {
                    if (blueprint[r] is null || blueprint[r].Count is < 1 or > 500)
                    {
                        yield return FieldError.Of($"rounds[{i}].blueprint[{r}].count", StageReasons.Between.With(("min", 1), ("max", 500)));
                    }
                    foreach (var error in blueprint[r]?.FilterErrors($"rounds[{i}].blueprint[{r}]") ?? [])
                    {
                        yield return error;
                    }
                }
                if (blueprint.Sum(r => (long)(r?.Count ?? 0)) > 500)
                {
                    yield return new FieldError($"rounds[{i}].blueprint", "each rule draws at least 1 question, 500 in all at most");
                }
            }
            else if (round.QuestionIds is null || round.QuestionIds.Count is 0 or > 500)
            {
                yield return new FieldError($"rounds[{i}].questionIds", "a round needs 1 to 500 questions, or a blueprint");
            }
            else if (round.QuestionIds.Distinct().Count() != round.QuestionIds.Count)
            {
                yield return new FieldError($"rounds[{i}].questionIds", "lists the same question twice");
            }
            foreach (var error in (round.Rules ?? new RoundRules()).Validate($"rounds[{i}].rules"))
            {
                yield return error;
            }
        }
        // Boards keep points and time in one sorted-set score (exact below 2^53): a contest's total stays within ±900,000.
        var questions = Rounds.Where(r => r is not null).Select(r => (Count: (long)(r.Blueprint is { Count: > 0 } b ? b.Sum(x => (long)(x?.Count ?? 0)) : r.QuestionIds?.Count ?? 0),
            Rules: r.Rules ?? new RoundRules())).ToList();
        if (questions.Sum(q => q.Count * ((long)q.Rules.Points + ((long)q.Rules.StreakBonus * q.Rules.StreakCap))) > MaxTotalPoints
            || questions.Sum(q => q.Count * (long)q.Rules.WrongPenalty) > MaxTotalPoints)
        {
            yield return new FieldError("rounds", $"a participant could score more than {MaxTotalPoints:N0} points (or lose as many): lower the points, streak bonus or penalty");
        }
        foreach (var error in Stage?.Validate("stage", Rounds.Count) ?? [])
        {
            yield return error;
        }
    }
}

public sealed record ContestCreated(string ContestId, string JoinCode, string HostKey, int Questions);

public sealed class CreateContestHandler(IQuestionSource questions, IContestStore store, TimeProvider clock)
    : ICommandHandler<CreateContest, ContestCreated>
{
    public async ValueTask<ContestCreated> Handle(CreateContest command, CancellationToken cancellationToken)
    {
        var snapshot = new List<ContestQuestion>();
        var rounds = new List<ContestRound>();
        var shortRules = new List<(int Round, Shortfall Shortfall)>();
        foreach (var (spec, round) in command.Rounds.Select((r, i) => (r, i)))
        {
            rounds.Add(new ContestRound(TypedText.CleanOrNull(spec.Title, TextShape.Line) ?? $"第{round + 1}轮", spec.Rules ?? new RoundRules()));
            var (drawn, shortfalls) = await QuestionsOf(spec, cancellationToken);
            shortRules.AddRange(shortfalls.Select(s => (round, s)));
            foreach (var question in drawn)
            {
                snapshot.Add(new ContestQuestion(snapshot.Count, round, question, DisplayOrder(question), KeyCommitment.NewSalt()));
            }
        }
        if (shortRules.Count > 0) // every round is drawn first, so the organizer hears of every short rule at once
        {
            throw new DomainException("blueprint_short", "The bank cannot satisfy the blueprint. "
                + string.Join(" ", shortRules.Select(s => $"Round {s.Round + 1}, {s.Shortfall.Message}.")))
            {
                Fields = [.. shortRules.Select(s => FieldError.Of($"rounds[{s.Round}].blueprint[{s.Shortfall.Rule - 1}].count",
                    s.Shortfall.Excluded > 0
                        ? StageReasons.BlueprintExcluded.With(("have", s.Shortfall.Available + s.Shortfall.Excluded), ("excluded", s.Shortfall.Excluded), ("short", s.Shortfall.Short))
                        : StageReasons.BlueprintShort.With(("have", s.Shortfall.Available), ("short", s.Shortfall.Short))))],
            };
        }
        var text = snapshot.Sum(q => TextOf(q.Question));
        if (text > CreateContest.MaxQuestionText)
        {
            throw new QuizValidationException([new FieldError("rounds",
                $"the questions hold {ReasonText.Grouped((int)Math.Min(text, int.MaxValue))} characters of text; a contest holds at most {ReasonText.Grouped(CreateContest.MaxQuestionText)}")]);
        }
        var hostKey = Ids.Secret();
        var contest = new ContestDefinition
        {
            Id = store.NewId(command.Shards),
            Title = TypedText.Clean(command.Title, TextShape.Line),
            Groups = (command.Groups ?? new ContestGroups()).Cleaned(),
            Rounds = rounds,
            Questions = snapshot,
            HostKeyHash = Ids.Hash(hostKey),
            CreatedAt = clock.GetUtcNow(),
            Shards = command.Shards,
            Stage = command.Stage is { } stage
                ? stage with { Teams = [.. stage.Teams.Select(t => new StageTeam(TypedText.Clean(t.Name, TextShape.Name), [.. t.Members.Select(m => TypedText.Clean(m, TextShape.Name))]))] }
                : null,
        };
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var code = Ids.JoinCode();
            if (await store.CreateAsync(contest, code, cancellationToken))
            {
                return new ContestCreated(contest.Id, code, hostKey, snapshot.Count);
            }
        }
        throw new DomainException("no_join_code", "No free join code was found; try again.");
    }

    /// <summary>Every text a question brings into the definition: the cap counts all of it, not only the stem.</summary>
    private static long TextOf(Question q) =>
        (long)q.Stem.Length + q.Explanation.Length + q.Category.Length + (q.Key?.Length ?? 0) + (q.Source?.Length ?? 0) + (q.ImageUrl?.Length ?? 0)
        + q.Options.Sum(o => o.Length) + q.Tags.Sum(t => t.Length) + q.Answer.Accepted.Sum(a => a.Length);

    /// <summary>A round's questions: the ones listed, or a draw by its blueprint (with the rules the bank could not fill).</summary>
    private async ValueTask<(IReadOnlyList<Question> Questions, IReadOnlyList<Shortfall> Shortfalls)> QuestionsOf(RoundSpec spec, CancellationToken cancellationToken)
    {
        if (spec.Blueprint is not { Count: > 0 } blueprint)
        {
            return (await questions.GetQuestionsAsync(spec.BankId, spec.QuestionIds!, cancellationToken), []);
        }
        var pool = await questions.GetActiveQuestionsAsync(spec.BankId, cancellationToken);
        var outcome = PaperDrawer.Draw(spec.BankId, pool, blueprint, Random.Shared.NextInt64());
        if (outcome.Paper is null)
        {
            return ([], outcome.Shortfalls);
        }
        var byId = pool.ToDictionary(q => q.Id);
        return ([.. outcome.Paper.Items.Select(item => byId[item.QuestionId])], []);
    }

    /// <summary>
    /// Choice options keep the organizer's order (a stage reads them out as A, B, C, D); ordering items are shuffled,
    /// or the answer would be on the screen.
    /// </summary>
    private static int[] DisplayOrder(Question question)
    {
        var order = Enumerable.Range(0, question.Options.Count).ToArray();
        if (question.Type == QuestionType.Ordering)
        {
            do
            {
                Random.Shared.Shuffle(order);
            }
            while (order.Length > 1 && order.SequenceEqual(question.Answer.Options));
        }
        return order;
    }
}
