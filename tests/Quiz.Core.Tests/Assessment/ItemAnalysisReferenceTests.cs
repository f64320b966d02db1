using Quiz.Core.Assessment;
using Quiz.Core.Banks;
using Quiz.Core.Rounds;
using Quiz.Core.Tests.Banks;

namespace Quiz.Core.Tests.Assessment;

/// <summary>
/// Item analysis against figures computed outside the project: Reference/item_analysis_reference.py (plain Python;
/// rerun it with python3 and paste its output here after changing its data).
/// </summary>
public sealed class ItemAnalysisReferenceTests
{
    [Fact]
    public void Difficulty_discrimination_and_distractors_match_the_reference_and_weak_items_are_flagged()
    {
        // ---- pasted from item_analysis_reference.py
        int[] keys = [0, 1, 2, 3, 0];
        int?[][] responses =
        [
            [0, 1, 2, 3, null],
            [0, 1, 2, null, 3],
            [0, 1, null, 3, 1],
            [0, null, 2, 3, 0],
            [null, 1, 2, 3, 1],
            [0, 2, 2, 3, null],
            [1, 1, 0, null, 0],
            [0, 3, null, 1, 0],
            [2, null, 1, 0, 0],
            [null, 0, 3, 3, 3],
            [3, 1, 2, -1, null],
            [1, -1, null, 2, 0],
        ];
        (int Drawn, double P, double? R, int[] Chosen, int Blank)[] expected =
        [
            // item 0: drawn 10, right 6
            (10, 0.6, 0.46656947481584354, new[] { 6, 2, 1, 1 }, 0),
            // item 1: drawn 10, right 6
            (10, 0.6, 0.054554472558998014, new[] { 1, 6, 1, 1 }, 1),
            // item 2: drawn 9, right 6
            (9, 0.6666666666666666, 0.5330017908890261, new[] { 1, 1, 6, 1 }, 0),
            // item 3: drawn 10, right 6
            (10, 0.6, 0.2809757434745082, new[] { 1, 1, 1, 6 }, 1),
            // item 4: drawn 9, right 5
            (9, 0.5555555555555556, -0.5976143046671967, new[] { 5, 2, 0, 2 }, 0),
        ];
        // ----

        var pool = keys.Select((k, i) => Samples.Make($"i{i}", QuestionType.Single, $"题{i}", ["甲", "乙", "丙", "丁"], AnswerKey.Choice(k), "科学知识/物理", [], 3)).ToList();
        var attempts = responses.Select((row, n) => new AttemptResult($"p{n}", 0, 0, 0, 0, false, 0, 0, 0, null,
            [.. row.Select((choice, i) => (choice, i)).Where(x => x.choice is not null).Select(x => new ItemOutcome(pool[x.i].Id,
                x.choice < 0 ? [] : [x.choice!.Value], null, x.choice >= 0, x.choice == keys[x.i] ? 1 : 0, x.choice == keys[x.i] ? 2 : 0, 1000))])).ToList();

        var report = ItemAnalysis.Build("c", pool, attempts);
        Assert.Equal(responses.Length, report.Attempts);
        for (var i = 0; i < pool.Count; i++)
        {
            var item = report.Items[i];
            Assert.Equal(expected[i].Drawn, item.Drawn);
            Assert.Equal(expected[i].P, item.P!.Value, 4);
            Assert.Equal(expected[i].R!.Value, item.Discrimination!.Value, 4);
            Assert.Equal(expected[i].Chosen, item.Options.Select(o => o.Chosen));
            Assert.Equal(expected[i].Blank, item.Omitted);
            Assert.Equal(expected[i].R < ItemAnalysis.FlagBelow, item.Flagged);
            Assert.True(item.FewRespondents); // under 30 respondents: rough
            Assert.Equal([AnswerNotation.Letter(keys[i]).ToString()], item.Options.Where(o => o.Key).Select(o => o.Label));
        }
        Assert.Equal([1, 4], report.Items.Select((item, i) => (item, i)).Where(x => x.item.Flagged).Select(x => x.i));
    }

    [Fact]
    public void An_item_nobody_drew_or_everybody_got_right_has_no_discrimination_and_no_flag()
    {
        var pool = new[] { Samples.Make("a", QuestionType.TrueFalse, "甲", Question.TrueFalseOptions, AnswerKey.Choice(0), "科学方法/科学推理", [], 2),
            Samples.Make("b", QuestionType.TrueFalse, "乙", Question.TrueFalseOptions, AnswerKey.Choice(0), "科学方法/科学推理", [], 2) };
        var attempts = Enumerable.Range(0, 3).Select(n => new AttemptResult($"p{n}", 0, 0, 0, 0, false, 0, 0, 0, null,
            [new ItemOutcome(pool[0].Id, [0], null, true, 1, 2, 1000)])).ToList();
        var report = ItemAnalysis.Build("c", pool, attempts);
        Assert.Equal((3, 1.0, (double?)null, false), (report.Items[0].Drawn, report.Items[0].P!.Value, report.Items[0].Discrimination, report.Items[0].Flagged));
        Assert.Equal((0, (double?)null, (double?)null, false), (report.Items[1].Drawn, report.Items[1].P, report.Items[1].Discrimination, report.Items[1].Flagged));
    }
}
