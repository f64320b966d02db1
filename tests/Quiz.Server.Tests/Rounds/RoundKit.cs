using System.Collections.Concurrent;
using System.Net.Http.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quiz.Contracts;
using Quiz.Core.Banks;
using Quiz.Core.Contests;
using Quiz.Core.Features.Rounds;
using Quiz.Core.Rounds;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Rounds;

/// <summary>
/// An online round as an organizer sets it up (seeded bank, round, roster over HTTP) on a server whose clock the test
/// drives (FakeTimeProvider), with every AttemptSubmitted the server publishes collected. More nodes may share the
/// store, the clock and the collection.
/// </summary>
public sealed class RoundKit : IAsyncDisposable
{
    private readonly List<QuizServer> _nodes = [];

    private RoundKit(FakeTimeProvider clock, string prefix)
    {
        Clock = clock;
        Prefix = prefix;
    }

    public FakeTimeProvider Clock { get; }

    public string Prefix { get; }

    public ConcurrentQueue<AttemptSubmitted> Submitted { get; } = new();

    /// <summary>How many of the next AttemptSubmitted notices fail to publish (thrown before any listener sees them).</summary>
    public int FailPublishes { get; set; }

    public QuizServer Server => _nodes[0];

    public IReadOnlyList<QuizServer> Nodes => _nodes;

    public string ContestId { get; private set; } = "";

    public string HostKey { get; private set; } = "";

    public IReadOnlyList<RosterCode> Codes { get; private set; } = [];

    /// <summary>
    /// An organizer's client whose token was issued before the test moved the clock: tokens are stamped by the server's
    /// clock (the fake one) but checked against real time, with 30 s of skew.
    /// </summary>
    public HttpClient Organizer { get; private set; } = null!;

    public DateTimeOffset Created { get; private set; }

    /// <summary>Three of the five seeded questions per paper, 60 s per attempt, a window of an hour, four people from two units.</summary>
    public static async Task<RoundKit> StartAsync(string name, Func<CreateOnlineRound, CreateOnlineRound>? adjust = null, int nodes = 1,
        IReadOnlyList<RosterPerson>? people = null)
    {
        var kit = Open(name, nodes);
        var (bankId, _) = await LiveGame.ImportBankAsync(kit.Server);
        var command = new CreateOnlineRound("网络知识竞赛", kit.Created.AddMinutes(-1), kit.Created.AddHours(1), 60, bankId, [new BlueprintRule(3)]);
        var created = await LiveGame.Read<OnlineRoundCreated>(await kit.Organizer.PostAsJsonAsync("/api/rounds", adjust?.Invoke(command) ?? command, QuizJson.Options));
        await kit.UseRoundAsync(created, people ??
        [
            new RosterPerson("张一", "S1", "市科协", "西湖区", null),
            new RosterPerson("王二", "S2", "市科协", "西湖区", null),
            new RosterPerson("李三", "S3", "区图书馆", "滨江区", null),
            new RosterPerson("赵四", "S4", "区图书馆", "滨江区", null),
        ]);
        return kit;
    }

    /// <summary>The nodes, the clock and the organizer, without a round: for a test that creates its round another way.</summary>
    public static RoundKit Open(string name, int nodes = 1)
    {
        var kit = new RoundKit(new FakeTimeProvider(DateTimeOffset.UtcNow), TestRedis.NewPrefix(name));
        for (var i = 0; i < nodes; i++)
        {
            kit.AddNode(name);
        }
        kit.Created = kit.Clock.GetUtcNow();
        kit.Organizer = kit.Server.CreateHttpClient();
        return kit;
    }

    /// <summary>Takes <paramref name="created"/> as the kit's round and gives it a roster of <paramref name="people"/>.</summary>
    public async Task UseRoundAsync(OnlineRoundCreated created, IReadOnlyList<RosterPerson> people)
    {
        ContestId = created.ContestId;
        HostKey = created.HostKey;
        Codes = await LiveGame.Read<RosterCode[]>(await Organizer.PostAsJsonAsync($"/api/contests/{created.ContestId}/roster", people, QuizJson.Options));
    }

    public QuizServer AddNode(string name)
    {
        var node = LiveGame.Server(name, new Dictionary<string, string?>
        {
            ["Quiz:Redis:KeyPrefix"] = Prefix,
            ["Quiz:Rounds:SweepMs"] = "100",
            ["Quiz:Rounds:SettleMs"] = "500",
            ["Quiz:Live:MaxJoinsPerSecond"] = "20", // low enough for a test to reach; the fake clock holds the second still
        }, services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IPublisher>(sp => new CollectingPublisher(sp.GetRequiredService<IMediator>(), this));
        });
        _nodes.Add(node);
        return node;
    }

    /// <summary>Person <paramref name="i"/> of the roster, on a device of their own unless one is named.</summary>
    public HttpClient Person(int i, string? device = null, int node = 0) => Client(Codes[i].Code!, device ?? $"device-{i:D4}", node);

    public HttpClient Client(string token, string device, int node = 0)
    {
        var http = _nodes[node].CreateAnonymousClient();
        http.DefaultRequestHeaders.Add("X-Participant-Token", token);
        http.DefaultRequestHeaders.Add("X-Device-Id", device);
        return http;
    }

    public string Url(string rest = "") => $"/api/rounds/{ContestId}{rest}";

    public async Task<AttemptView> StartAsync(HttpClient person) =>
        await LiveGame.Read<AttemptView>(await person.PostAsync(Url("/attempt"), null));

    public Task<HttpResponseMessage> SaveAsync(HttpClient person, int index, params int[] options) =>
        person.PutAsJsonAsync(Url($"/attempt/answers/{index}"), new AnswerInput(options, null), QuizJson.Options);

    /// <summary>Answers item <paramref name="index"/> with a response that fits its type (right or wrong does not matter here).</summary>
    public Task<HttpResponseMessage> AnswerAnyAsync(HttpClient person, PaperQuestion item, bool first = true) => item.Type switch
    {
        "fill" => person.PutAsJsonAsync(Url($"/attempt/answers/{item.Index}"), new AnswerInput(null, first ? "甲" : "乙"), QuizJson.Options),
        "ordering" => SaveAsync(person, item.Index, [.. item.Options.Select(o => o.Id)]),
        _ => SaveAsync(person, item.Index, item.Options[first ? 0 : 1].Id),
    };

    /// <summary>Waits (real time, generously) until the server shows the attempt as submitted.</summary>
    public async Task<AttemptView> WaitSubmittedAsync(HttpClient person)
    {
        for (var i = 0; i < 300; i++)
        {
            var view = await LiveGame.Read<AttemptView>(await person.GetAsync(Url("/attempt")));
            if (view.Status == "submitted")
            {
                return view;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The attempt was not submitted.");
    }

    /// <summary>
    /// Waits until <paramref name="count"/> notices were published (the store shows an attempt ended a moment before
    /// its notice goes out), then a second more, so a duplicate would show too.
    /// </summary>
    public async Task<IReadOnlyList<AttemptSubmitted>> PublishedAsync(int count)
    {
        for (var i = 0; i < 300 && Submitted.Count < count; i++)
        {
            await Task.Delay(100);
        }
        await Task.Delay(1000);
        return [.. Submitted];
    }

    public async ValueTask DisposeAsync()
    {
        Organizer?.Dispose();
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    /// <summary>The real mediator, with every AttemptSubmitted noted on the way (or failed, when the kit says so).</summary>
    private sealed class CollectingPublisher(IMediator inner, RoundKit kit) : IPublisher
    {
        public ValueTask Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
            where TNotification : INotification
        {
            Note(notification);
            return inner.Publish(notification, cancellationToken);
        }

        public ValueTask Publish(object notification, CancellationToken cancellationToken = default)
        {
            Note(notification);
            return inner.Publish(notification, cancellationToken);
        }

        private void Note(object notification)
        {
            if (notification is not AttemptSubmitted submitted)
            {
                return;
            }
            lock (kit.Submitted)
            {
                if (kit.FailPublishes > 0)
                {
                    kit.FailPublishes--;
                    throw new InvalidOperationException("publish failed (test)");
                }
            }
            kit.Submitted.Enqueue(submitted);
        }
    }
}
