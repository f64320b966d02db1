using System.Globalization;
using System.Text.Json;
using Quiz.Core.Rounds;
using Quiz.Infrastructure.Contests;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Rounds;

internal sealed class RedisAttemptStore(IConnectionMultiplexer redis, RedisKeys keys) : IAttemptStore
{
    private IDatabase Db => redis.GetDatabase();

    public Task RegisterRoundAsync(string contestId, CancellationToken ct) => Db.SetAddAsync(keys.OnlineRounds, contestId);

    public async Task<IReadOnlyList<string>> RoundIdsAsync(CancellationToken ct) =>
        [.. (await Db.SetMembersAsync(keys.OnlineRounds)).Select(v => v.ToString())];

    public Task RetireRoundAsync(string contestId, CancellationToken ct) => Db.SetRemoveAsync(keys.OnlineRounds, contestId);

    public async Task<Attempt> StartAsync(string contestId, Attempt candidate, CancellationToken ct)
    {
        var stored = await Db.ScriptEvaluateAsync(AttemptScripts.Start, [keys.Attempts(contestId), keys.AttemptsDue(contestId)],
            [candidate.ParticipantId, JsonSerializer.Serialize(candidate, ContestJson.Options), candidate.DeadlineMs]);
        return JsonSerializer.Deserialize<Attempt>(stored.ToString(), ContestJson.Options)!;
    }

    public async Task<Attempt?> GetAsync(string contestId, string participantId, CancellationToken ct)
    {
        var json = await Db.HashGetAsync(keys.Attempts(contestId), participantId);
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<Attempt>(json.ToString(), ContestJson.Options);
    }

    public async Task<SaveOutcome> SaveAnswerAsync(string contestId, string participantId, int index, IReadOnlyList<int> options, string? text,
        long receivedAtMs, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(new StoredResponse(options, text, receivedAtMs), ContestJson.Options);
        var result = (long)await Db.ScriptEvaluateAsync(AttemptScripts.Save,
            [keys.AttemptResults(contestId), keys.AttemptsDue(contestId), keys.AttemptAnswers(contestId, participantId)],
            [participantId, index, receivedAtMs, json]);
        return result switch
        {
            -1 => SaveOutcome.Finished,
            -2 => SaveOutcome.NoAttempt,
            -3 => SaveOutcome.Late,
            _ => SaveOutcome.Saved,
        };
    }

    public async Task<AnswerSheet> GetAnswersAsync(string contestId, string participantId, CancellationToken ct)
    {
        var fields = (await Db.HashGetAllAsync(keys.AttemptAnswers(contestId, participantId))).ToDictionary(e => e.Name.ToString(), e => e.Value);
        var answers = new Dictionary<int, SavedAnswer>();
        foreach (var (name, value) in fields.Where(f => f.Key.StartsWith('a')))
        {
            var index = int.Parse(name.AsSpan(1), CultureInfo.InvariantCulture);
            var response = JsonSerializer.Deserialize<StoredResponse>(value.ToString(), ContestJson.Options)!;
            var first = (long)fields.GetValueOrDefault("t" + index.ToString(CultureInfo.InvariantCulture));
            answers[index] = new SavedAnswer(index, response.O, response.X, first, response.At == 0 ? first : response.At);
        }
        return new AnswerSheet(answers, fields.TryGetValue("v", out var v) ? (long)v : 0);
    }

    public async Task<FinishOutcome> TryFinishAsync(string contestId, AttemptResult result, long answersVersion, long nowMs, CancellationToken ct)
    {
        var outcome = (long)await Db.ScriptEvaluateAsync(AttemptScripts.Finish,
            [keys.AttemptResults(contestId), keys.AttemptsDue(contestId), keys.AttemptAnswers(contestId, result.ParticipantId), keys.AttemptRanks(contestId),
                keys.AttemptsUnannounced(contestId)],
            [result.ParticipantId, JsonSerializer.Serialize(result, ContestJson.Options), answersVersion.ToString(CultureInfo.InvariantCulture), RankValue(result), nowMs]);
        return outcome switch
        {
            1 => FinishOutcome.Finished,
            0 => FinishOutcome.AlreadyFinished,
            _ => FinishOutcome.AnswersChanged,
        };
    }

    public async Task<AttemptResult?> GetResultAsync(string contestId, string participantId, CancellationToken ct)
    {
        var json = await Db.HashGetAsync(keys.AttemptResults(contestId), participantId);
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<AttemptResult>(json.ToString(), ContestJson.Options);
    }

    public async Task<IReadOnlyList<AttemptResult>> ReadResultsAsync(string contestId, CancellationToken ct)
    {
        var results = new List<AttemptResult>();
        // HSCAN in pages rather than one HGETALL: tens of thousands of results are megabytes in one reply.
        await foreach (var entry in Db.HashScanAsync(keys.AttemptResults(contestId), pageSize: 1000))
        {
            results.Add(JsonSerializer.Deserialize<AttemptResult>(entry.Value.ToString(), ContestJson.Options)!);
        }
        return results;
    }

    public async Task<(long Ahead, long Of)> RankOfAsync(string contestId, AttemptResult result, CancellationToken ct)
    {
        var ranks = keys.AttemptRanks(contestId);
        var ahead = Db.SortedSetLengthAsync(ranks, RankValue(result), double.PositiveInfinity, Exclude.Start);
        var of = Db.SortedSetLengthAsync(ranks);
        return (await ahead, await of);
    }

    public async Task<IReadOnlyList<string>> DueAsync(string contestId, long beforeMs, int max, CancellationToken ct) =>
        [.. (await Db.SortedSetRangeByScoreAsync(keys.AttemptsDue(contestId), double.NegativeInfinity, beforeMs, take: max)).Select(v => v.ToString())];

    public async Task<IReadOnlyList<string>> UnannouncedAsync(string contestId, long beforeMs, int max, CancellationToken ct) =>
        [.. (await Db.SortedSetRangeByScoreAsync(keys.AttemptsUnannounced(contestId), double.NegativeInfinity, beforeMs, take: max)).Select(v => v.ToString())];

    public async Task<bool> ClaimAnnouncementAsync(string contestId, string participantId, long beforeMs, long nowMs, CancellationToken ct) =>
        (long)await Db.ScriptEvaluateAsync(AttemptScripts.ClaimAnnouncement, [keys.AttemptsUnannounced(contestId)], [participantId, beforeMs, nowMs]) == 1;

    public Task AnnouncedAsync(string contestId, string participantId, CancellationToken ct) =>
        Db.SortedSetRemoveAsync(keys.AttemptsUnannounced(contestId), participantId);

    public async Task<long> CountOpenAsync(string contestId, CancellationToken ct) => await Db.SortedSetLengthAsync(keys.AttemptsDue(contestId));

    public async Task<long> CountStartedAsync(string contestId, CancellationToken ct) => await Db.HashLengthAsync(keys.Attempts(contestId));

    public Task RecordDeviceAsync(string contestId, string deviceId, string participantId, CancellationToken ct) =>
        Db.SetAddAsync(keys.AttemptDevices(contestId), $"{deviceId}\n{participantId}");

    public Task RecordSignalAsync(string contestId, string participantId, string kind, CancellationToken ct) =>
        Db.HashIncrementAsync(keys.AttemptSignals(contestId), $"{participantId}:{kind}");

    public async Task<(IReadOnlyDictionary<string, IReadOnlyList<string>> Devices, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Signals)>
        ReadIntegrityAsync(string contestId, CancellationToken ct)
    {
        var pairs = (await Db.SetMembersAsync(keys.AttemptDevices(contestId))).Select(v => v.ToString().Split('\n', 2));
        var devices = pairs.GroupBy(p => p[0]).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p[1]).Distinct()]);
        var signals = (await Db.HashGetAllAsync(keys.AttemptSignals(contestId)))
            .Select(e => (Field: e.Name.ToString(), Count: (long)e.Value))
            .Select(e => (Participant: e.Field[..e.Field.LastIndexOf(':')], Kind: e.Field[(e.Field.LastIndexOf(':') + 1)..], e.Count))
            .GroupBy(e => e.Participant)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, long>)g.ToDictionary(e => e.Kind, e => e.Count));
        return (devices, signals);
    }

    /// <summary>Points (to the cent) first, then less time used: one double, exact below 2^53 for any sane round.</summary>
    private static double RankValue(AttemptResult result) =>
        Math.Round(result.Score * 100) * 1e8 - Math.Min(result.TimeUsedMs, 99_999_999);

    /// <summary>A saved response, compact: option ids, text, when it was saved last.</summary>
    private sealed record StoredResponse(IReadOnlyList<int> O, string? X, long At = 0);
}
