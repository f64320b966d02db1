using System.Net;
using System.Net.Http.Json;
using System.Text;
using MiniExcelLibs;
using Quiz.Contracts;
using Quiz.Core.Banks;
using Quiz.Core.Contests;
using Quiz.Core.Rounds;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Rounds;

/// <summary>Ranking, boards, release at the close, exports and the integrity signals of an online round.</summary>
public sealed class ResultsTests
{
    private static readonly RosterPerson[] People =
    [
        new("张一", "S1", "市科协", "西湖区", null),
        new("王二", "S2", "市科协", "西湖区", null),
        new("李三", "S3", "区图书馆", "滨江区", null),
        new("赵四", "S4", "区图书馆", "滨江区", null),
        new("钱五", "S5", "市科协", "西湖区", null),
    ];

    [Fact]
    public async Task Results_rank_by_score_then_time_are_released_at_the_close_and_flag_signals_for_the_organizer()
    {
        await using var kit = await RoundKit.StartAsync(nameof(ResultsTests), c => c with { Blueprint = [new BlueprintRule(5)] }, people: People);
        var p = Enumerable.Range(0, 4).Select(i => kit.Person(i, i == 3 ? "device-0002" : null)).ToList(); // 3 uses 2's device
        var views = new AttemptView[4];
        for (var i = 0; i < 4; i++)
        {
            views[i] = await kit.StartAsync(p[i]);
        }
        for (var q = 0; q < 5; q++)
        {
            kit.Clock.Advance(TimeSpan.FromSeconds(5));
            Assert.Equal(HttpStatusCode.OK, (await Answer(kit, p[0], views[0].Items[q], right: true)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Answer(kit, p[1], views[1].Items[q], right: true)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Answer(kit, p[2], views[2].Items[q], right: Easy(views[2].Items[q]))).StatusCode);
        }
        for (var q = 0; q < 5; q++) // person 3 copies person 2's answers (on a paper in another order), all within a second
        {
            kit.Clock.Advance(TimeSpan.FromMilliseconds(100));
            Assert.Equal(HttpStatusCode.OK, (await Answer(kit, p[3], views[3].Items[q], right: Easy(views[3].Items[q]))).StatusCode);
        }
        foreach (var kind in new[] { "blur", "blur", "hidden" })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await p[2].PostAsJsonAsync(kit.Url("/attempt/signals"), new SignalInput(kind))).StatusCode);
        }
        await Submit(kit, p[1]); // same score as person 0, less time
        kit.Clock.Advance(TimeSpan.FromSeconds(10));
        await Submit(kit, p[0]);
        await Submit(kit, p[2]);
        var own = await Submit(kit, p[3]);
        Assert.False(own.Released);
        Assert.Null(own.Score);
        Assert.Null(own.Rank);
        using var anonymous = kit.Server.CreateAnonymousClient();
        Assert.Equal("results_not_released", await AttemptTests.Code(await anonymous.GetAsync(kit.Url("/boards")), HttpStatusCode.Conflict));

        var organizer = kit.Organizer;
        var results = await LiveGame.Read<RoundResults>(await organizer.GetAsync(kit.Url("/results")));
        Assert.Equal(["王二", "张一", "李三", "赵四"], results.People.Select(r => r.Name).Take(2).Concat(results.People.Skip(2).Select(r => r.Name).Order()));
        Assert.Equal([50.0, 50, 20, 20], results.People.Select(r => r.Score));
        Assert.True(results.People[0].TimeUsedMs < results.People[1].TimeUsedMs);
        var li = results.People.Single(r => r.Name == "李三");
        var zhao = results.People.Single(r => r.Name == "赵四");
        Assert.Equal((2L, 1L, 1, 1), (li.FocusLost, li.TabHidden, li.SameDeviceAs, li.SameAnswersAs));
        Assert.Equal((1, 1), (zhao.SameDeviceAs, zhao.SameAnswersAs));
        Assert.True(zhao.FastAnswers >= 4, $"fast answers {zhao.FastAnswers}");
        Assert.Equal(0, li.FastAnswers);
        Assert.All(results.People.Take(2), r => Assert.Equal((0, 0), (r.SameDeviceAs, r.SameAnswersAs))); // all right: no pattern

        kit.Clock.Advance(TimeSpan.FromHours(1)); // the window closes: results are out
        var mine = await LiveGame.Read<AttemptView>(await p[1].GetAsync(kit.Url("/attempt")));
        Assert.Equal((true, 50.0, 1, 4), (mine.Result!.Released, mine.Result.Score, mine.Result.Rank, mine.Result.Of));
        var boards = await LiveGame.Read<Quiz.Core.Features.Rounds.RoundBoards>(await anonymous.GetAsync(kit.Url("/boards")));
        Assert.Equal(["王*", "张*"], boards.Top.Take(2).Select(t => t.Name)); // roster names are masked unless the organizer publishes them
        // An online round has no live board or live results export: nothing there lists the roster with 0 points.
        Assert.Equal("online_round", await AttemptTests.Code(await anonymous.GetAsync($"/api/contests/{kit.ContestId}/board"), HttpStatusCode.Conflict));
        Assert.Equal("online_round", await AttemptTests.Code(await organizer.GetAsync($"/api/contests/{kit.ContestId}/results.csv"), HttpStatusCode.Conflict));
        var science = boards.Units.Single(u => u.Group == "市科协");
        Assert.Equal((3, 2, 100.0, 33.33, 50.0), (science.Registered, science.TookPart, science.Total, science.MeanPerHead, science.MeanPerTaker));
        var binjiang = boards.Districts.Single(d => d.Group == "滨江区");
        Assert.Equal((2, 2, 1.0, 20.0), (binjiang.Registered, binjiang.TookPart, binjiang.Participation, binjiang.MeanPerHead));
        Assert.Equal("市科协", boards.Units[0].Group);

        var csv = Encoding.UTF8.GetString(await Bytes(organizer, kit.Url("/results.csv"), "text/csv"));
        Assert.StartsWith("\uFEFF名次,姓名,单位,区县,得分", csv, StringComparison.Ordinal);
        Assert.Contains("1,\"王二\",\"市科协\",\"西湖区\",50,50", csv, StringComparison.Ordinal);
        var xlsx = await Bytes(organizer, kit.Url("/results.xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var sheet = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(4, sheet.Count);
        Assert.Equal("王二", sheet[0]["姓名"]);
        Assert.Equal("滨江区", sheet[3]["区县"]);

        using var keyed = kit.Server.CreateAnonymousClient();
        keyed.DefaultRequestHeaders.Add("X-Host-Key", kit.HostKey);
        var questions = Encoding.UTF8.GetString(await Bytes(keyed, kit.Url("/questions.csv"), "text/csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, questions.Length); // header + the five questions of the pool
        Assert.Contains("正确率", questions[0], StringComparison.Ordinal);
        Assert.Single(questions, l => l.Contains("q-single", StringComparison.Ordinal));
        var qx = await Bytes(keyed, kit.Url("/questions.xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Assert.Equal(5, MiniExcel.Query(new MemoryStream(qx), useHeaderRow: true, excelType: ExcelType.XLSX).Count());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(kit.Url("/results.csv"))).StatusCode);
        foreach (var c in p)
        {
            c.Dispose();
        }
    }

    [Fact]
    public async Task Per_question_statistics_count_rates_times_and_options()
    {
        await using var kit = await RoundKit.StartAsync(nameof(ResultsTests), c => c with { Blueprint = [new BlueprintRule(5)], Results = ResultsRelease.Immediately });
        var people = Enumerable.Range(0, 3).Select(i => kit.Person(i)).ToList();
        foreach (var (person, i) in people.Select((x, i) => (x, i)))
        {
            var view = await kit.StartAsync(person);
            foreach (var item in view.Items)
            {
                kit.Clock.Advance(TimeSpan.FromSeconds(4));
                await Answer(kit, person, item, right: i < 2);
            }
            var result = await Submit(kit, person);
            Assert.True(result.Released); // released immediately
            Assert.Equal(i < 2 ? 50 : 0, result.Score);
        }
        var organizer = kit.Organizer;
        var stats = await LiveGame.Read<QuestionStat[]>(await organizer.GetAsync(kit.Url("/questions")));
        Assert.Equal(5, stats.Length);
        Assert.All(stats, s => Assert.Equal((3, 3, 2, 0.6667, 4000.0), (s.Drawn, s.Answered, s.Correct, s.CorrectRate, s.MeanTimeMs)));
        var single = stats.Single(s => s.Key == "q-single");
        Assert.Equal([1, 0, 2, 0], single.OptionCounts); // twice the key (C), once the first wrong option (A)
        var multi = stats.Single(s => s.Key == "q-multi");
        Assert.Equal([2, 2, 1, 2], multi.OptionCounts);
        foreach (var person in people)
        {
            person.Dispose();
        }
    }

    /// <summary>The two questions persons 2 and 3 get right, whatever place they have on each paper.</summary>
    private static bool Easy(PaperQuestion item) => SeededQuestions.All.Single(q => q.Stem == item.Stem).Key is "q-single" or "q-tf";

    private static Task<HttpResponseMessage> Answer(RoundKit kit, HttpClient person, PaperQuestion item, bool right)
    {
        var question = SeededQuestions.All.Single(q => q.Stem == item.Stem);
        if (question.Type == QuestionType.Fill)
        {
            return person.PutAsJsonAsync(kit.Url($"/attempt/answers/{item.Index}"), new AnswerInput(null, right ? SeededQuestions.SecretFill : "不知道"));
        }
        var options = right ? question.Answer.Options.ToArray()
            : question.Type == QuestionType.Ordering ? [.. question.Answer.Options.Reverse()]
            : [Enumerable.Range(0, question.Options.Count).First(o => !question.Answer.Options.Contains(o))];
        return kit.SaveAsync(person, item.Index, options);
    }

    private static async Task<AttemptResultView> Submit(RoundKit kit, HttpClient person) =>
        await LiveGame.Read<AttemptResultView>(await person.PostAsync(kit.Url("/attempt/submit"), null));

    private static async Task<byte[]> Bytes(HttpClient http, string url, string mediaType)
    {
        var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
