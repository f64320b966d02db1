using Microsoft.Extensions.DependencyInjection;
using Quiz.Core.Contests;
using Quiz.Core.Stage;

namespace Quiz.Infrastructure.Contests;

public static class ContestServiceCollectionExtensions
{
    /// <summary>The Redis stores behind live contests. Needs <c>AddQuizRedis</c>.</summary>
    public static IServiceCollection AddQuizContestStores(this IServiceCollection services)
    {
        services.AddSingleton<ShardMap>();
        services.AddSingleton<RankTable>();
        services.AddSingleton<IContestStore, RedisContestStore>();
        services.AddSingleton<IParticipantStore, RedisParticipantStore>();
        services.AddSingleton<IBoardStore, RedisBoardStore>();
        services.AddSingleton<IAnswerLedger, RedisAnswerLedger>();
        services.AddSingleton<IBoardAudit, RedisBoardAudit>();
        services.AddSingleton<IRosterStore, RedisRosterStore>();
        services.AddSingleton<IGroupRegistry, RedisGroupRegistry>();
        services.AddSingleton<IStageStore, RedisStageStore>();
        services.AddSingleton<IAnswerCountLease, RedisAnswerCountLease>();
        services.AddSingleton<Core.Rounds.IAttemptStore, Rounds.RedisAttemptStore>();
        return services;
    }
}
