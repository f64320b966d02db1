using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Foundation;

/// <summary>The operator's figures are scraped from /metrics in the Prometheus text format.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Joins_answers_ack_latency_redis_batches_and_the_runtime_are_exported()
    {
        await using var game = await LiveGame.StartAsync(nameof(MetricsTests), new RoundRules { TimeLimitSeconds = 30 }, "q-single");
        await using var player = await LiveClient.ConnectAsync(game.Server.BaseAddress);
        await player.JoinAsync(game.Contest.JoinCode, "指标");
        await game.Host.ControlAsync(HostMoves.Start);
        var q = await player.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened));
        await player.WaitForServerTimeAsync(q.OpensAtMs);
        Assert.Equal(AckStatuses.Accepted, (await player.AnswerAsync(0, [2])).Status);

        using var http = game.Server.CreateHttpClient();
        string text = "";
        for (var i = 0; i < 50 && !text.Contains("quiz_answers_total", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100); // the exporter caches a scrape briefly
            text = await http.GetStringAsync("/metrics");
        }
        foreach (var name in new[]
        {
            "quiz_connections", "quiz_joins_total", "quiz_answers_total{", "quiz_answer_ack_duration_milliseconds_bucket",
            "quiz_redis_batch_size_count", "quiz_redis_batch_duration_milliseconds_bucket", "quiz_process_cpu_time_seconds_total",
            "quiz_process_memory_bytes", "dotnet_gc_collections_total",
        })
        {
            Assert.Contains(name, text);
        }
        Assert.Contains("status=\"accepted\"", text);
    }
}
