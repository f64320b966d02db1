using Quiz.Core.Stage;

namespace Quiz.Core.Tests.Stage;

public sealed class SeatCodeTests
{
    [Fact]
    public void Each_team_has_its_own_code_which_opens_only_its_seat_in_its_contest()
    {
        var contest = StageFixture.Of((new StageSegment(), 1)).Contest with { HostKeyHash = "hash-of-the-host-key" };
        var codes = Enumerable.Range(0, 4).Select(t => SeatCodes.For(contest, t)).ToList();
        Assert.Equal(4, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Equal(10, c.Length));
        Assert.Equal([0, 1, 2, 3], codes.Select(c => SeatCodes.TeamOf(contest, c)));
        Assert.Equal(2, SeatCodes.TeamOf(contest, $" {codes[2].ToLowerInvariant()} ")); // typed on a phone
        Assert.Null(SeatCodes.TeamOf(contest, "WRONGCODE2"));
        Assert.Null(SeatCodes.TeamOf(contest, ""));
        Assert.Null(SeatCodes.TeamOf(contest with { Id = "another" }, codes[0]));
        Assert.Null(SeatCodes.TeamOf(contest with { HostKeyHash = "another-key" }, codes[0]));
    }
}
