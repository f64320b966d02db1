using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Core.Assessment;
using Quiz.Core.Contests;
using Quiz.Infrastructure.Contests;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Assessment;

internal sealed class RedisAssessmentStore(IConnectionMultiplexer redis, RedisKeys keys) : IAssessmentStore
{
    private IDatabase Db => redis.GetDatabase();

    public Task SaveSetupAsync(AssessmentSetup setup, CancellationToken cancellationToken) =>
        Db.StringSetAsync(keys.Assessment(setup.ContestId), Json(setup));

    public async Task<AssessmentSetup?> GetSetupAsync(string contestId, CancellationToken cancellationToken) =>
        Parse<AssessmentSetup>(await Db.StringGetAsync(keys.Assessment(contestId)));

    public Task<bool> TryRecordAsync(string contestId, AssessmentResult result, CancellationToken cancellationToken) =>
        Db.HashSetAsync(keys.AssessmentResults(contestId), result.ParticipantId, Json(result), When.NotExists);

    public async Task<IReadOnlyList<AssessmentResult>> ReadResultsAsync(string contestId, CancellationToken cancellationToken) =>
        [.. (await Db.HashGetAllAsync(keys.AssessmentResults(contestId))).Select(e => Parse<AssessmentResult>(e.Value)!)];

    public async Task<Participant?> FindParticipantAsync(string contestId, string participantId, CancellationToken cancellationToken) =>
        Parse<Participant>(await Db.HashGetAsync(keys.Participants(contestId), participantId));

    public Task SaveProfileAsync(string contestId, string participantId, RespondentProfile profile, CancellationToken cancellationToken) =>
        Db.HashSetAsync(keys.AssessmentProfiles(contestId), participantId, Json(profile));

    public Task<bool> DeleteProfileAsync(string contestId, string participantId, CancellationToken cancellationToken) =>
        Db.HashDeleteAsync(keys.AssessmentProfiles(contestId), participantId);

    public async Task<IReadOnlyDictionary<string, RespondentProfile>> ReadProfilesAsync(string contestId, CancellationToken cancellationToken) =>
        (await Db.HashGetAllAsync(keys.AssessmentProfiles(contestId))).ToDictionary(e => e.Name.ToString(), e => Parse<RespondentProfile>(e.Value)!);

    public Task SaveMarginsAsync(string contestId, PopulationMargins margins, CancellationToken cancellationToken) =>
        Db.StringSetAsync(keys.AssessmentMargins(contestId), Json(margins));

    public async Task<PopulationMargins?> GetMarginsAsync(string contestId, CancellationToken cancellationToken) =>
        Parse<PopulationMargins>(await Db.StringGetAsync(keys.AssessmentMargins(contestId)));

    public Task<bool> DeleteMarginsAsync(string contestId, CancellationToken cancellationToken) =>
        Db.KeyDeleteAsync(keys.AssessmentMargins(contestId));

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ContestJson.Options);

    private static T? Parse<T>(RedisValue value) where T : class =>
        value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<T>(value.ToString(), ContestJson.Options);
}

public static class AssessmentServiceCollectionExtensions
{
    /// <summary>The Redis store behind literacy assessments. Needs <c>AddQuizRedis</c>.</summary>
    public static IServiceCollection AddQuizAssessmentStore(this IServiceCollection services) =>
        services.AddSingleton<IAssessmentStore, RedisAssessmentStore>();
}
