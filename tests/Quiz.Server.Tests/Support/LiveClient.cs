using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Contracts;

namespace Quiz.Server.Tests.Support;

/// <summary>
/// A real SignalR client over a real WebSocket. Records every event it receives, as JSON, in arrival order, so a
/// test can read what a phone would have seen.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Event, string Json)> _log = new();
    private readonly ConcurrentDictionary<string, Channel<object>> _events = new();

    private LiveClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public Joined? Joined { get; private set; }

    public IReadOnlyList<(string Event, string Json)> Log => [.. _log];

    /// <summary>
    /// Connects; with <paramref name="accessToken"/> as an account (sent in the query string, as browsers must); with
    /// <paramref name="forwardedFor"/> as a phone behind that address (a server that trusts loopback as its proxy believes it).
    /// </summary>
    public static async Task<LiveClient> ConnectAsync(Uri server, bool messagePack = false, string? accessToken = null, string? forwardedFor = null)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(server, HubMethods.Path), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            if (forwardedFor is not null)
            {
                o.Headers["X-Forwarded-For"] = forwardedFor;
            }
            if (accessToken is not null)
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            }
        });
        if (messagePack)
        {
            builder.AddMessagePackProtocol();
        }
        var client = new LiveClient(builder.Build());
        client.Listen<RoomState>(nameof(IQuizClient.RoomChanged));
        client.Listen<QuestionView>(nameof(IQuizClient.QuestionOpened));
        client.Listen<QuestionClosed>(nameof(IQuizClient.QuestionClosed));
        client.Listen<AnswerReveal>(nameof(IQuizClient.AnswerRevealed));
        client.Listen<Leaderboard>(nameof(IQuizClient.LeaderboardShown));
        client.Listen<Standing>(nameof(IQuizClient.StandingUpdated));
        client.Listen<AnswerCount>(nameof(IQuizClient.AnswerCountChanged));
        client.Listen<string>(nameof(IQuizClient.Superseded));
        client.Listen<StageView>(nameof(IQuizClient.StageChanged));
        await client.Connection.StartAsync();
        return client;
    }

    public async Task<Joined> JoinAsync(string code, string nickname, string? team = null, string? unit = null, string? district = null)
    {
        Joined = await Connection.CallAsync<Joined>(HubMethods.Join, new JoinRequest(code, nickname, team, unit, district));
        return Joined;
    }

    public Task<AnswerAck> AnswerAsync(int seq, IReadOnlyList<int>? options = null, string? text = null, string? answerId = null) =>
        Connection.CallAsync<AnswerAck>(HubMethods.SubmitAnswer, new AnswerRequest(answerId ?? Guid.NewGuid().ToString("N"), seq, options, text));

    public Task<StageView> StageAsync(StageRequest request) => Connection.CallAsync<StageView>(HubMethods.Stage, request);

    public Task<BuzzAck> BuzzAsync() => Connection.CallAsync<BuzzAck>(HubMethods.Buzz);

    /// <summary>The next stage change that matches (see <see cref="NextAsync{T}"/>).</summary>
    public Task<StageView> NextStageAsync(Func<StageView, bool> match, int timeoutMs = 15_000) =>
        NextAsync(nameof(IQuizClient.StageChanged), match, timeoutMs);

    public Task<RoomState> ControlAsync(string move) => Connection.CallAsync<RoomState>(HubMethods.Control, new ControlRequest(move));

    /// <summary>The next event of this kind that matches (skipping earlier ones of this kind only), or a timeout failure.</summary>
    public async Task<T> NextAsync<T>(string eventName, Func<T, bool>? match = null, int timeoutMs = 10_000)
    {
        using var cts = new CancellationTokenSource(timeoutMs);
        try
        {
            while (true)
            {
                var payload = await Events(eventName).Reader.ReadAsync(cts.Token);
                if (payload is T typed && (match is null || match(typed)))
                {
                    return typed;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No {eventName} within {timeoutMs} ms.");
        }
    }

    /// <summary>
    /// Returns once the server's own clock has passed <paramref name="serverMs"/>: a sync reply stamped at or after
    /// it proves so, so anything sent afterwards arrives after it. Estimating the offset from one round trip was
    /// off by up to half that trip on a busy machine, and an answer then arrived "not open yet".
    /// </summary>
    public async Task WaitForServerTimeAsync(long serverMs)
    {
        while (true)
        {
            var sync = await Connection.CallAsync<ServerTime>(HubMethods.Sync, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            var left = serverMs - sync.ServerTimeMs;
            if (left < 0)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(left + 1));
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private void Listen<T>(string name) =>
        Connection.On<T>(name, payload =>
        {
            _log.Enqueue((name, JsonSerializer.Serialize(payload)));
            Events(name).Writer.TryWrite(payload!);
        });

    private Channel<object> Events(string name) => _events.GetOrAdd(name, _ => Channel.CreateUnbounded<object>());
}
