using Quiz.Core.Stage;

namespace Quiz.Core.Tests.Stage;

public sealed class StageTemplateTests
{
    [Fact]
    public void The_cadres_template_is_six_teams_of_three_over_five_valid_rounds()
    {
        var contest = StageTemplates.Build(StageTemplates.Cadres, "bank-1")!;
        Assert.Empty(contest.Validate());
        Assert.Equal([6, 18, 20, 6, 3], contest.Rounds.Select(r => r.Blueprint!.Sum(b => b.Count)));
        Assert.All(contest.Rounds, r => Assert.Equal("bank-1", r.BankId));
        var stage = contest.Stage!;
        Assert.Equal(6, stage.Teams.Count);
        Assert.All(stage.Teams, t => Assert.Equal(3, t.Members.Count));
        Assert.Equal([SegmentKind.Required, SegmentKind.Required, SegmentKind.Buzz, SegmentKind.Wager, SegmentKind.Tiebreak], stage.Segments.Select(s => s!.Kind));
        Assert.Equal(Rotation.Member, stage.Segments[1]!.Rotation);
        // Every round draws from its own theme, so no question can come twice.
        var themes = contest.Rounds.Select(r => string.Join("+", r.Blueprint!.Select(b => b.Category).Distinct())).ToList();
        Assert.Equal(themes.Count, themes.Distinct().Count());
        Assert.Null(StageTemplates.Build("no-such-template", "bank-1"));
    }

    [Fact]
    public void A_contest_whose_stage_does_not_fit_its_rounds_is_refused_with_the_field_named()
    {
        var contest = StageTemplates.Build(StageTemplates.Cadres, "bank-1")!;
        var broken = contest with { Stage = contest.Stage! with { Segments = [.. contest.Stage.Segments.Take(4)] } };
        Assert.Contains(broken.Validate(), e => e.Field == "stage.segments");
    }
}
