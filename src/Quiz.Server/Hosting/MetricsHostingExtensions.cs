using OpenTelemetry.Metrics;
using Quiz.Core.Common;

namespace Quiz.Server.Hosting;

internal static class MetricsHostingExtensions
{
    /// <summary>
    /// OpenTelemetry metrics: Quiz's own meter (connections, joins, answers, ack latency, Redis batches, CPU, memory),
    /// the .NET runtime (GC, thread pool) and ASP.NET Core, scraped by Prometheus at <c>/metrics</c>.
    /// </summary>
    public static IServiceCollection AddQuizMetrics(this IServiceCollection services)
    {
        services.AddSingleton<QuizMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(QuizMetrics.MeterName)
            .AddRuntimeInstrumentation()
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter());
        return services;
    }

    public static void MapQuizMetrics(this IEndpointRouteBuilder app) => app.MapPrometheusScrapingEndpoint("/metrics");
}
