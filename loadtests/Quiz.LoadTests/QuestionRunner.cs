using System.Collections.Concurrent;
using Quiz.Contracts;

namespace Quiz.LoadTests;

/// <summary>The host's part of one question: open it, let the server close it, reveal (the stored count), board.</summary>
internal sealed class QuestionRunner
{
    private readonly HubWire _host;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<int>> _closed = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<int>> _revealed = new();

    public QuestionRunner(HubWire host)
    {
        _host = host;
        host.OnEvent = (target, payload) =>
        {
            var seq = target is nameof(IQuizClient.QuestionClosed) or nameof(IQuizClient.AnswerRevealed) ? payload.GetProperty("seq").GetInt32() : -1;
            if (target == nameof(IQuizClient.QuestionClosed))
            {
                Signal(_closed, seq).TrySetResult(0);
            }
            else if (target == nameof(IQuizClient.AnswerRevealed))
            {
                Signal(_revealed, seq).TrySetResult(payload.GetProperty("answers").GetInt32());
            }
        };
    }

    public async Task<int> QuestionAsync(int q)
    {
        var state = await _host.InvokeAsync(HubMethods.Control, new ControlRequest(q == 0 ? HostMoves.Start : HostMoves.Next));
        var closesAt = state.GetProperty("closesAtMs").GetInt64();
        Console.Error.WriteLine($"question {q} open; closes in {(closesAt - Clock.NowMs) / 1000:0.0} s");
        await Signal(_closed, q).Task.WaitAsync(TimeSpan.FromMilliseconds(closesAt - Clock.NowMs + 30_000));
        await _host.InvokeAsync(HubMethods.Control, new ControlRequest(HostMoves.Reveal));
        var stored = await Signal(_revealed, q).Task.WaitAsync(TimeSpan.FromSeconds(30));
        await _host.InvokeAsync(HubMethods.Control, new ControlRequest(HostMoves.Board));
        await Task.Delay(TimeSpan.FromSeconds(3));
        return stored;
    }

    private static TaskCompletionSource<int> Signal(ConcurrentDictionary<int, TaskCompletionSource<int>> signals, int seq) =>
        signals.GetOrAdd(seq, _ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
}
