using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quiz.Contracts;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Rounds;

/// <summary>
/// A round created with review: true shows each person their own paper with the keys and explanations, but only after
/// the results are released, only to them, and never in an assessment.
/// </summary>
public sealed class ReviewTests
{
    [Fact]
    public async Task Ones_own_paper_with_its_keys_after_release_only()
    {
        await using var kit = await RoundKit.StartAsync(nameof(ReviewTests), c => c with { Review = true });
        using var anonymous = kit.Server.CreateAnonymousClient();
        Assert.True((await anonymous.GetFromJsonAsync<RoundInfo>(kit.Url(), QuizJson.Options))!.Review);
        var person = kit.Person(0);
        var view = await kit.StartAsync(person);
        Assert.Equal(HttpStatusCode.OK, (await kit.AnswerAnyAsync(person, view.Items[0])).StatusCode);
        Assert.Equal("attempt_open", await AttemptTests.Code(await person.GetAsync(kit.Url("/attempt/review")), HttpStatusCode.Conflict));
        await LiveGame.Read<AttemptResultView>(await person.PostAsync(kit.Url("/attempt/submit"), null));
        Assert.Equal("results_not_released", await AttemptTests.Code(await person.GetAsync(kit.Url("/attempt/review")), HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Person(1).GetAsync(kit.Url("/attempt/review"))).StatusCode); // never started
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(kit.Url("/attempt/review"))).StatusCode);

        kit.Clock.Advance(TimeSpan.FromHours(2)); // past the close: released
        var review = await LiveGame.Read<AttemptReview>(await person.GetAsync(kit.Url("/attempt/review")));
        Assert.Equal(3, review.Items.Count);
        Assert.Equal(view.Items.Select(i => i.Stem), review.Items.Select(i => i.Stem)); // the person's own order
        Assert.True(review.Items[0].Answered);
        Assert.False(review.Items[1].Answered);
        var seeded = SeededQuestions.All.ToDictionary(q => q.Stem);
        foreach (var item in review.Items)
        {
            var question = seeded[item.Stem];
            Assert.Equal(question.Answer.Options, item.Key);
            Assert.Equal(question.Answer.Accepted, item.Accepted);
            Assert.False(string.IsNullOrEmpty(item.Explanation));
        }

        // An assessment never shows its keys: this round cannot become one.
        var refused = await kit.Organizer.PutAsJsonAsync($"/api/assessments/{kit.ContestId}", new { });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray();
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == "review");
    }
}
