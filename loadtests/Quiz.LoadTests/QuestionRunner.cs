using System.Collections.Concurrent;
using Quiz.Contracts;

namespace Quiz.LoadTests;

/// <summary>The host's part of one question: open it, let the server close it, reveal (the stored count), board.</summary>
internal sealed class QuestionRunner
{
    private readonly HubWire _host;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<long>> _opened = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<int>> _closed = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<int>> _revealed = new();

    public QuestionRunner(HubWire host)
    {
        _host = host;
        host.OnEvent = (target, payload) =>
        {
            var seq = target is nameof(IQuizClient.QuestionOpened) or nameof(IQuizClient.QuestionClosed) or nameof(IQuizClient.AnswerRevealed)
                ? payload.GetProperty("seq").GetInt32() : -1;
            if (target == nameof(IQuizClient.QuestionOpened))
            {
                Signal(_opened, seq).TrySetResult(payload.GetProperty("closesAtMs").GetInt64());
            }
            else if (target == nameof(IQuizClient.QuestionClosed))
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
        // A saturated node may move the room and then time out reading it back ("unavailable"): the host then goes by
        // the question's own event, as the host page does. Had the move not happened, that wait times out.
        await ControlAsync(q == 0 ? HostMoves.Start : HostMoves.Next);
        var closesAt = await Signal(_opened, q).Task.WaitAsync(TimeSpan.FromMinutes(3));
        Console.Error.WriteLine($"question {q} open; closes in {(closesAt - Clock.NowMs) / 1000:0.0} s");
        await Signal(_closed, q).Task.WaitAsync(TimeSpan.FromMilliseconds(closesAt - Clock.NowMs + 30_000));
        await ControlAsync(HostMoves.Reveal);
        var stored = await Signal(_revealed, q).Task.WaitAsync(TimeSpan.FromSeconds(30));
        await ControlAsync(HostMoves.Board);
        await Task.Delay(TimeSpan.FromSeconds(3));
        return stored;
    }

    private async Task ControlAsync(string move)
    {
        try
        {
            await _host.InvokeAsync(HubMethods.Control, new ControlRequest(move));
        }
        catch (HubWireException ex) when (ex.Code == HubErrors.Unavailable)
        {
            Console.Error.WriteLine($"host: {move} answered unavailable; going by the room's events");
        }
    }

    private static TaskCompletionSource<T> Signal<T>(ConcurrentDictionary<int, TaskCompletionSource<T>> signals, int seq) =>
        signals.GetOrAdd(seq, _ => new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously));
}
