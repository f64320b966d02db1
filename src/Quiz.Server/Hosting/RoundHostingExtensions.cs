using Quiz.Core.Rounds;
using Quiz.Server.Rounds;

namespace Quiz.Server.Hosting;

internal static class RoundHostingExtensions
{
    /// <summary>Online timed rounds: this node's round cache, the finisher and the deadline sweeper (stores come with live play).</summary>
    public static IServiceCollection AddQuizRounds(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new RoundOptions();
        configuration.GetSection(RoundOptions.Section).Bind(options);
        services.AddSingleton(options);
        services.AddSingleton<OnlineRounds>();
        services.AddSingleton<RoundAccess>();
        services.AddSingleton<AttemptViewer>();
        services.AddSingleton<AttemptFinisher>();
        services.AddHostedService<AttemptSweeper>();
        return services;
    }
}
