using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Contracts;
using Quiz.Core.Rounds;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Rounds;

/// <summary>The server's clock decides: answers at the deadline count, a millisecond later they do not, and the attempt ends by itself.</summary>
public sealed class DeadlineTests
{
    [Fact]
    public async Task An_answer_at_the_deadline_counts_one_a_millisecond_later_is_refused_and_the_attempt_ends_by_itself()
    {
        await using var kit = await RoundKit.StartAsync(nameof(DeadlineTests));
        using var person = kit.Person(0);
        var view = await kit.StartAsync(person);
        var deadline = view.DeadlineMs;
        var now = kit.Clock.GetUtcNow().ToUnixTimeMilliseconds();

        kit.Clock.Advance(TimeSpan.FromMilliseconds(deadline - now - 3));
        Assert.Equal(HttpStatusCode.OK, (await kit.AnswerAnyAsync(person, view.Items[0])).StatusCode);
        kit.Clock.Advance(TimeSpan.FromMilliseconds(2));
        Assert.Equal(HttpStatusCode.OK, (await kit.AnswerAnyAsync(person, view.Items[1])).StatusCode);
        kit.Clock.Advance(TimeSpan.FromMilliseconds(1)); // exactly at the deadline: still in time
        Assert.Equal(HttpStatusCode.OK, (await kit.AnswerAnyAsync(person, view.Items[1], first: false)).StatusCode);
        kit.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("time_up", await AttemptTests.Code(await kit.AnswerAnyAsync(person, view.Items[2]), HttpStatusCode.Conflict));
        kit.Clock.Advance(TimeSpan.FromMilliseconds(3));
        Assert.Equal("time_up", await AttemptTests.Code(await kit.AnswerAnyAsync(person, view.Items[0], first: false), HttpStatusCode.Conflict));
        Assert.Equal("open", (await LiveGame.Read<AttemptView>(await person.GetAsync(kit.Url("/attempt")))).Status); // not yet swept: the settle time runs

        kit.Clock.Advance(TimeSpan.FromSeconds(1)); // past deadline + settle: a sweeper submits it, the person never comes back
        var ended = await kit.WaitSubmittedAsync(person);
        Assert.True(ended.Result!.Automatic);
        Assert.Equal(deadline, ended.Result.SubmittedAtMs);
        Assert.Equal(60_000, ended.Result.TimeUsedMs);
        Assert.Null(ended.Result.Score); // results are released at the close
        Assert.Equal([0, 1], ended.Answers.Select(a => a.Index));

        var stored = await kit.Server.Services.GetRequiredService<IAttemptStore>().GetResultAsync(kit.ContestId, view.ParticipantId, default);
        Assert.Equal(2, stored!.Answered);
        Assert.True(stored.Items[0].Answered && stored.Items[1].Answered && !stored.Items[2].Answered);
        Assert.Equal(ended.Answers[1].Options, stored.Items[1].Options); // the answer saved at the deadline is the one scored
        Assert.Equal("attempt_used", await AttemptTests.Code(await person.PostAsync(kit.Url("/attempt"), null), HttpStatusCode.Conflict));
        Assert.Equal("attempt_submitted", await AttemptTests.Code(await kit.AnswerAnyAsync(person, view.Items[2]), HttpStatusCode.Conflict));
        var published = Assert.Single(await kit.PublishedAsync(1));
        Assert.Equal((view.ParticipantId, true, deadline), (published.ParticipantId, published.Automatic, published.SubmittedAtMs));
    }

    [Fact]
    public async Task The_window_closing_during_an_attempt_is_its_deadline()
    {
        await using var kit = await RoundKit.StartAsync(nameof(DeadlineTests), c => c with { ClosesAt = DateTimeOffset.UtcNow.AddSeconds(30) });
        using var person = kit.Person(1);
        var view = await kit.StartAsync(person);
        var info = await LiveGame.Read<RoundInfo>(await person.GetAsync(kit.Url()));
        Assert.Equal(info.ClosesAtMs, view.DeadlineMs); // earlier than start + 60 s
        Assert.True(view.DeadlineMs - view.StartedAtMs < 60_000);

        kit.Clock.Advance(TimeSpan.FromMilliseconds(view.DeadlineMs - view.ServerNowMs - 10_000));
        var resumed = await LiveGame.Read<AttemptView>(await person.GetAsync(kit.Url("/attempt")));
        Assert.Equal(10_000, resumed.DeadlineMs - resumed.ServerNowMs);
        Assert.Equal(HttpStatusCode.OK, (await kit.AnswerAnyAsync(person, view.Items[0])).StatusCode);
        kit.Clock.Advance(TimeSpan.FromMilliseconds(10_001));
        Assert.Equal("time_up", await AttemptTests.Code(await kit.AnswerAnyAsync(person, view.Items[1]), HttpStatusCode.Conflict));
        kit.Clock.Advance(TimeSpan.FromSeconds(1));
        var ended = await kit.WaitSubmittedAsync(person);
        Assert.Equal(info.ClosesAtMs, ended.Result!.SubmittedAtMs);
        Assert.True(ended.Result.Released); // the window has closed, so the score is out
        Assert.NotNull(ended.Result.Score);
    }

    [Fact]
    public async Task Two_nodes_end_every_attempt_exactly_once_whether_submitted_or_timed_out()
    {
        await using var kit = await RoundKit.StartAsync(nameof(DeadlineTests), nodes: 2);
        var people = Enumerable.Range(0, 4).Select(i => kit.Person(i, node: i % 2)).ToList();
        var views = await Task.WhenAll(people.Select(kit.StartAsync));
        await Task.WhenAll(people.Select((p, i) => kit.AnswerAnyAsync(p, views[i].Items[0])));
        kit.Clock.Advance(TimeSpan.FromSeconds(5));

        // Persons 0 and 1 press submit again and again on both nodes at once; 2 and 3 never come back.
        var clicks = await Task.WhenAll(Enumerable.Range(0, 10).Select(async c =>
        {
            using var device = kit.Person(c % 2, $"tap-{c:D4}", node: c / 5);
            return await LiveGame.Read<AttemptResultView>(await device.PostAsync(kit.Url("/attempt/submit"), null));
        }));
        Assert.All(clicks, r => Assert.False(r.Automatic));
        Assert.All(clicks.Select((r, c) => (Person: c % 2, r.SubmittedAtMs)).GroupBy(x => x.Person),
            g => Assert.Single(g.Select(x => x.SubmittedAtMs).Distinct())); // every click got the one stored result

        kit.Clock.Advance(TimeSpan.FromSeconds(60));
        await Task.WhenAll(people.Skip(2).Select(kit.WaitSubmittedAsync));
        var submitted = await kit.PublishedAsync(4);
        Assert.Equal(4, submitted.Count);
        Assert.Equal(views.Select(v => v.ParticipantId).Order(), submitted.Select(s => s.ParticipantId).Order());
        Assert.Equal([false, false, true, true], views.Select(v => submitted.Single(s => s.ParticipantId == v.ParticipantId).Automatic));
        Assert.All(submitted, s => Assert.Equal(30, s.MaxScore));
        Assert.All(submitted, s => Assert.Equal(s.MaxScore, s.MaxByCategory.Values.Sum()));
        foreach (var p in people)
        {
            p.Dispose();
        }
    }
}
