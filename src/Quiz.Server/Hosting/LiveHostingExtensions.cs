using Microsoft.AspNetCore.SignalR;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Core.Stage;
using Quiz.Infrastructure.Contests;
using Quiz.Infrastructure.Redis;
using Quiz.Server.Live;
using StackExchange.Redis;

namespace Quiz.Server.Hosting;

internal static class LiveHostingExtensions
{
    /// <summary>
    /// Live play: the hub (JSON and MessagePack), the stores, and this node's view of its rooms. With an external
    /// Redis configured the node joins SignalR's Redis backplane on the same multiplexer, so several nodes can serve
    /// one contest; the embedded Garnet serves one node and needs none.
    /// </summary>
    public static IServiceCollection AddQuizLive(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new LiveOptions();
        configuration.GetSection(LiveOptions.Section).Bind(options);
        services.AddSingleton(options);
        services.AddQuizContestStores();
        services.AddSingleton<LiveRooms>();
        services.AddSingleton<Core.Boards.LiveStandings>();
        services.AddSingleton<LocalParticipants>();
        services.AddSingleton<QuestionTimer>();
        services.AddSingleton<IRoomFirstSeen>(sp => sp.GetRequiredService<QuestionTimer>());
        services.AddSingleton<StageUpdater>();
        services.AddSingleton<StageTimer>();
        services.AddSingleton<JoinGate>();
        services.AddHostedService<RoomEventsListener>();
        services.AddSingleton<StoreWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreWatch>());

        var signalR = services.AddSignalR(o =>
        {
            o.AddFilter<HubErrorFilter>();
            o.AddFilter<HubAccessFilter>();
            o.MaximumReceiveMessageSize = 16 * 1024; // an answer is a few hundred bytes
        }).AddMessagePackProtocol();
        StrictHubProtocol.WrapAll(services);
        if (!Infrastructure.Redis.RedisOptions.From(configuration).UsesEmbedded)
        {
            signalR.AddStackExchangeRedis();
            services.AddOptions<Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions>().Configure<IConnectionMultiplexer, RedisKeys>((o, multiplexer, keys) =>
            {
                o.ConnectionFactory = _ => Task.FromResult(multiplexer);
                o.Configuration.ChannelPrefix = RedisChannel.Literal(keys.Prefix + "signalr:");
            });
        }
        return services;
    }

    /// <summary>A connection opened with an account's token closes when the token expires; anonymous ones are unaffected.</summary>
    public static void MapQuizLive(this IEndpointRouteBuilder app) =>
        app.MapHub<QuizHub>(HubMethods.Path, o => o.CloseOnAuthenticationExpiration = true);
}
