using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Quiz.Contracts;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Faults;

/// <summary>
/// A phone as the page behaves (js/live.js, js/play.js): WebSockets without negotiation through nginx, reconnection
/// that never gives up, Rejoin with its token on every reconnection, and an answer sent again with the same answer id
/// until the server acknowledges it.
/// </summary>
public sealed class FaultParticipant : IAsyncDisposable
{
    private static readonly TimeSpan[] Delays = [TimeSpan.Zero, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    private readonly HubConnection _connection;
    private readonly ConcurrentQueue<(StoreStatus Status, DateTimeOffset HeardAt)> _store = new();
    private readonly ConcurrentDictionary<int, Standing> _standings = new();
    private TaskCompletionSource _rejoined = NewSignal();

    private FaultParticipant(HubConnection connection) => _connection = connection;

    public Joined Joined { get; private set; } = null!;

    /// <summary>Reconnections that ended in a successful Rejoin, and the snapshot of the last one.</summary>
    public int Rejoins { get; private set; }

    public RoomSnapshot? LastRejoin { get; private set; }

    /// <summary>From losing the socket to having rejoined, the last time it happened.</summary>
    public TimeSpan? LastRecovery { get; private set; }

    /// <summary>Every StoreChanged this phone got, with when it got it (this machine's clock).</summary>
    public IReadOnlyCollection<(StoreStatus Status, DateTimeOffset HeardAt)> StoreEvents => _store;

    public IReadOnlyDictionary<int, Standing> Standings => _standings;

    public static async Task<FaultParticipant> JoinAsync(Uri address, string code, string nickname)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(address, HubMethods.Path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .WithAutomaticReconnect(new Forever())
            .Build();
        var p = new FaultParticipant(connection);
        connection.On<StoreStatus>(nameof(IQuizClient.StoreChanged), s => p._store.Enqueue((s, DateTimeOffset.UtcNow)));
        connection.On<Standing>(nameof(IQuizClient.StandingUpdated), s => p._standings[s.Seq] = s);
        var lost = Stopwatch.StartNew();
        connection.Reconnecting += _ =>
        {
            lost.Restart();
            p._rejoined = NewSignal();
            return Task.CompletedTask;
        };
        connection.Reconnected += async _ =>
        {
            for (var attempt = 0; attempt < 60; attempt++)
            {
                try
                {
                    var joined = await connection.CallAsync<Joined>(HubMethods.Rejoin, new RejoinRequest(p.Joined.ContestId, p.Joined.Token));
                    p.LastRejoin = joined.Room;
                    p.Rejoins++;
                    p.LastRecovery = lost.Elapsed;
                    p._rejoined.TrySetResult();
                    return;
                }
                catch (HubException)
                {
                    await Task.Delay(500); // busy or the store is unavailable: the page retries too
                }
            }
        };
        await connection.StartAsync();
        p.Joined = await connection.CallAsync<Joined>(HubMethods.Join, new JoinRequest(code, nickname, null, null, null));
        p._rejoined.TrySetResult();
        return p;
    }

    /// <summary>Sends one answer and keeps sending it (same id) until acknowledged; returns the ack and the attempts.</summary>
    public async Task<(AnswerAck Ack, int Attempts)> AnswerAsync(int seq, int option, TimeSpan giveUpAfter)
    {
        var answerId = Guid.NewGuid().ToString("N");
        var deadline = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _rejoined.Task.WaitAsync(giveUpAfter);
                var ack = await _connection.CallAsync<AnswerAck>(HubMethods.SubmitAnswer, new AnswerRequest(answerId, seq, [option]));
                return (ack, attempt);
            }
            catch (Exception ex) when (ex is HubException or InvalidOperationException or IOException or TaskCanceledException
                                           or System.Net.WebSockets.WebSocketException && deadline.Elapsed < giveUpAfter)
            {
                // Not acknowledged: the connection dropped or the store was unavailable. Same id again, as the page does.
                await Task.Delay(500);
            }
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Forever : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext context) => Delays[Math.Min(context.PreviousRetryCount, Delays.Length - 1)];
    }
}
