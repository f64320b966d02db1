using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Core.Rounds;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Rounds;

/// <summary>Starting, resuming and answering an online round: one attempt per person, papers reproducible, keys never sent.</summary>
public sealed class AttemptTests
{
    [Fact]
    public async Task Concurrent_starts_of_one_person_make_one_attempt_and_a_reload_on_another_device_resumes_it()
    {
        await using var kit = await RoundKit.StartAsync(nameof(AttemptTests));
        var devices = Enumerable.Range(0, 20).Select(d => kit.Person(0, $"phone-{d:D4}")).ToList();
        var views = await Task.WhenAll(devices.Select(kit.StartAsync));
        Assert.Single(views.Select(v => (v.StartedAtMs, v.DeadlineMs)).Distinct());
        Assert.Single(views.Select(v => string.Join('|', v.Items.Select(i => i.Stem + string.Join(',', i.Options.Select(o => o.Id))))).Distinct());
        Assert.Equal(3, views[0].Items.Count);
        Assert.Equal(views[0].StartedAtMs + 60_000, views[0].DeadlineMs);

        var save = await kit.AnswerAnyAsync(devices[3], views[0].Items[1]);
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        kit.Clock.Advance(TimeSpan.FromSeconds(20));
        using var laptop = kit.Person(0, "laptop-0001");
        var resumed = await LiveGame.Read<AttemptView>(await laptop.GetAsync(kit.Url("/attempt")));
        Assert.Equal("open", resumed.Status);
        Assert.Equal(views[0].DeadlineMs, resumed.DeadlineMs);
        Assert.Equal(40_000, resumed.DeadlineMs - resumed.ServerNowMs); // the time really left, from the server's clock
        Assert.Equal(1, Assert.Single(resumed.Answers).Index);
        Assert.Equal(1, await kit.Server.Services.GetRequiredService<IAttemptStore>().CountStartedAsync(kit.ContestId, default));
        foreach (var d in devices)
        {
            d.Dispose();
        }
    }

    [Fact]
    public async Task A_paper_is_reproducible_from_round_and_person_and_never_carries_a_key()
    {
        await using var kit = await RoundKit.StartAsync(nameof(AttemptTests));
        using var person = kit.Person(1);
        var body = await (await person.PostAsync(kit.Url("/attempt"), null)).Content.ReadAsStringAsync();
        Assert.DoesNotContain(SeededQuestions.SecretFill, body, StringComparison.Ordinal);
        Assert.DoesNotContain("answer\"", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("explanation", body, StringComparison.OrdinalIgnoreCase);
        var view = System.Text.Json.JsonSerializer.Deserialize<AttemptView>(body, QuizJson.Options)!;

        var setup = await kit.Server.Services.GetRequiredService<OnlineRounds>().GetAsync(kit.ContestId, default);
        var again = RoundPapers.Draw(setup, view.ParticipantId);
        Assert.Equal(again.Items.Select(i => setup.ById[i.QuestionId].Stem), view.Items.Select(i => i.Stem));
        Assert.Equal(again.Items.Select(i => string.Join(',', i.OptionOrder)), view.Items.Select(i => string.Join(',', i.Options.Select(o => o.Id))));
        var stored = await kit.Server.Services.GetRequiredService<IAttemptStore>().GetAsync(kit.ContestId, view.ParticipantId, default);
        Assert.Equal(RoundPapers.SeedFor(setup.Round, kit.ContestId, view.ParticipantId), stored!.Seed);
        // Different people draw different papers (3 of 5 questions, order and options shuffled) from other seeds.
        var seeds = Enumerable.Range(0, 4).Select(i => RoundPapers.SeedFor(setup.Round, kit.ContestId, $"p{i}")).ToHashSet();
        Assert.Equal(4, seeds.Count);
    }

    [Fact]
    public async Task Bad_inputs_are_refused_with_reasons_and_nothing_is_stored()
    {
        await using var kit = await RoundKit.StartAsync(nameof(AttemptTests));
        using var person = kit.Person(2);
        Assert.Equal("no_attempt", await Code(await kit.SaveAsync(person, 0, 0), HttpStatusCode.Conflict));
        var view = await kit.StartAsync(person);
        var single = view.Items.FirstOrDefault(i => i.Type is "single" or "truefalse") ?? view.Items[0];

        Assert.Equal(HttpStatusCode.BadRequest, (await kit.SaveAsync(person, 3, 0)).StatusCode); // the paper has 3 items
        Assert.Equal(HttpStatusCode.BadRequest, (await kit.SaveAsync(person, -1, 0)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await kit.SaveAsync(person, single.Index, 0, 0)).StatusCode); // same option twice
        Assert.Equal(HttpStatusCode.BadRequest, (await kit.SaveAsync(person, single.Index, 99)).StatusCode); // no such option
        Assert.Equal(HttpStatusCode.BadRequest, (await person.PutAsync(kit.Url($"/attempt/answers/{single.Index}"),
            new StringContent("{\"options\": \"B\"}", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await person.PutAsync(kit.Url($"/attempt/answers/{single.Index}"),
            new StringContent("not json", Encoding.UTF8, "application/json"))).StatusCode);
        var huge = new string('x', 100_000);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await person.PutAsJsonAsync(kit.Url($"/attempt/answers/{single.Index}"),
            new AnswerInput(null, huge))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await person.PostAsJsonAsync(kit.Url("/attempt/signals"), new SignalInput("screenshot"))).StatusCode);

        using var stranger = kit.Client("not-a-code", "device-x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PostAsync(kit.Url("/attempt"), null)).StatusCode);
        using var anonymous = kit.Server.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(kit.Url("/attempt"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await person.PostAsync("/api/rounds/nosuchround/attempt", null)).StatusCode);
        Assert.Equal("roster_only", await Code(await anonymous.PostAsJsonAsync(kit.Url("/register"), new { name = "路人" }), HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(kit.Url("/results"))).StatusCode); // no organizer token, no host key
        using (var wrongKey = kit.Server.CreateAnonymousClient())
        {
            wrongKey.DefaultRequestHeaders.Add("X-Host-Key", "not-the-key");
            Assert.Equal(HttpStatusCode.Forbidden, (await wrongKey.GetAsync(kit.Url("/results"))).StatusCode);
        }

        var resumed = await LiveGame.Read<AttemptView>(await person.GetAsync(kit.Url("/attempt")));
        Assert.Empty(resumed.Answers);
    }

    [Fact]
    public async Task Starting_outside_the_window_is_refused_and_self_registration_works_where_allowed()
    {
        await using var kit = await RoundKit.StartAsync(nameof(AttemptTests), c => c with
        {
            OpensAt = DateTimeOffset.UtcNow.AddMinutes(10),
            ClosesAt = DateTimeOffset.UtcNow.AddMinutes(20),
            SelfRegistration = true,
            Groups = new ContestGroups { Units = ["某街道"] },
        });
        using var early = kit.Person(0);
        Assert.Equal("round_not_open", await Code(await early.PostAsync(kit.Url("/attempt"), null), HttpStatusCode.Conflict));
        using var anonymous = kit.Server.CreateAnonymousClient();
        var info = await LiveGame.Read<RoundInfo>(await anonymous.GetAsync(kit.Url()));
        Assert.Equal(("upcoming", 3, true), (info.Status, info.Questions, info.SelfRegistration));

        var registered = await LiveGame.Read<RoundRegistration>(await anonymous.PostAsJsonAsync(kit.Url("/register"),
            new { name = "自报名", unit = "某街道", district = "上城区" }));
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsJsonAsync(kit.Url("/register"), new { name = "" })).StatusCode);
        kit.Clock.Advance(TimeSpan.FromMinutes(11));
        using var self = kit.Client(registered.Token, "device-self");
        Assert.Equal(3, (await kit.StartAsync(self)).Items.Count);
        kit.Clock.Advance(TimeSpan.FromMinutes(10));
        using var late = kit.Person(1);
        Assert.Equal("round_closed", await Code(await late.PostAsync(kit.Url("/attempt"), null), HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task An_end_claimed_on_answers_that_changed_meanwhile_is_refused_and_a_second_end_finds_the_first()
    {
        await using var kit = await RoundKit.StartAsync(nameof(AttemptTests));
        using var person = kit.Person(3);
        var view = await kit.StartAsync(person);
        var store = kit.Server.Services.GetRequiredService<IAttemptStore>();
        var setup = await kit.Server.Services.GetRequiredService<OnlineRounds>().GetAsync(kit.ContestId, default);
        var attempt = (await store.GetAsync(kit.ContestId, view.ParticipantId, default))!;
        var before = await store.GetAnswersAsync(kit.ContestId, view.ParticipantId, default);
        Assert.Equal(HttpStatusCode.OK, (await kit.AnswerAnyAsync(person, view.Items[0])).StatusCode); // saved while "scoring"
        var stale = AttemptScoring.Score(setup, attempt, before, attempt.StartedAtMs + 1000, automatic: false);
        Assert.Equal(FinishOutcome.AnswersChanged, await store.TryFinishAsync(kit.ContestId, stale, before.Version, 0, default));

        var now = await store.GetAnswersAsync(kit.ContestId, view.ParticipantId, default);
        var fresh = AttemptScoring.Score(setup, attempt, now, attempt.StartedAtMs + 1000, automatic: false);
        var endedAt = kit.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        Assert.Equal(FinishOutcome.Finished, await store.TryFinishAsync(kit.ContestId, fresh, now.Version, endedAt, default));
        Assert.Equal(FinishOutcome.AlreadyFinished, await store.TryFinishAsync(kit.ContestId, fresh, now.Version, endedAt, default));
        Assert.Equal(1, (await store.GetResultAsync(kit.ContestId, view.ParticipantId, default))!.Answered);
        Assert.Equal(SaveOutcome.Finished, await store.SaveAnswerAsync(kit.ContestId, view.ParticipantId, 1, [0], null, attempt.StartedAtMs + 2000, default));

        // The store claimed the end but nobody published it, as if the node died in between: after 30 s a sweep does, once.
        kit.Clock.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(500); // several sweeps
        Assert.Empty(kit.Submitted);
        kit.Clock.Advance(TimeSpan.FromSeconds(2));
        var published = Assert.Single(await kit.PublishedAsync(1));
        Assert.Equal(view.ParticipantId, published.ParticipantId);
        Assert.Empty(await store.UnannouncedAsync(kit.ContestId, long.MaxValue, 10, default));
    }

    [Fact]
    public async Task A_notice_that_fails_to_publish_does_not_fail_the_hand_in_and_goes_out_later_once()
    {
        await using var kit = await RoundKit.StartAsync(nameof(AttemptTests));
        using var person = kit.Person(0);
        var view = await kit.StartAsync(person);
        await kit.AnswerAnyAsync(person, view.Items[0]);
        kit.FailPublishes = 1; // a listener's store call fails at that moment

        var submit = await person.PostAsync(kit.Url("/attempt/submit"), null);
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        Assert.Equal("submitted", (await kit.WaitSubmittedAsync(person)).Status);
        Assert.Empty(kit.Submitted);

        kit.Clock.Advance(TimeSpan.FromSeconds(31));
        var published = Assert.Single(await kit.PublishedAsync(1));
        Assert.Equal(view.ParticipantId, published.ParticipantId);
        Assert.False(published.Automatic);
    }

    internal static async Task<string?> Code(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}
