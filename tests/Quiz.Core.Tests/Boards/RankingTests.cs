using Quiz.Core.Boards;

namespace Quiz.Core.Tests.Boards;

/// <summary>Who is ahead: stated once in <see cref="Ranking"/>, for live boards and online rounds alike.</summary>
public sealed class RankingTests
{
    [Fact]
    public void Persons_go_by_points_then_less_time_and_exact_ties_share_a_rank_listed_by_id()
    {
        var ranked = Ranking.Ranked([new PersonRow("b", 100, 900), new("c", 100, 900), new("a", 100, 800), new("d", 50, 10), new("e", 100, 900)]);
        Assert.Equal(["a", "b", "c", "e", "d"], ranked.Select(r => r.Row.ParticipantId));
        Assert.Equal([1, 2, 2, 2, 5], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Negative_points_rank_below_zero()
    {
        var ranked = Ranking.Ranked([new PersonRow("minus", -500, 0), new("zero", 0, 5000)]);
        Assert.Equal(["zero", "minus"], ranked.Select(r => r.Row.ParticipantId));
    }

    [Fact]
    public void Groups_go_by_mean_per_head_then_total_then_name_compared_exactly()
    {
        // 西湖区 100/3 = 33.33.. per head, 滨江区 200/6 the same mean with a larger total, 上城区 34 per head.
        var ranked = Ranking.Ranked([new GroupRow("西湖区", 3, 10_000), new GroupRow("滨江区", 6, 20_000), new GroupRow("上城区", 1, 3_400), new GroupRow("余杭区", 3, 10_000)]);
        Assert.Equal(["上城区", "滨江区", "余杭区", "西湖区"], ranked.Select(r => r.Row.Name));
        Assert.Equal([1, 2, 3, 3], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void A_board_shows_ranks_from_the_rows_and_rounds_means_half_away_from_zero()
    {
        var rows = new BoardRows(4, [new("p1", 8583, 100), new("p2", 8583, 100), new("p3", 100, 1)],
            new Dictionary<string, string> { ["p1"] = "张三", ["p2"] = "李四" },
            new Dictionary<string, IReadOnlyList<GroupRow>> { [GroupDimensions.District] = [new("西湖区", 8, 4)] });
        var board = BoardViews.Leaderboard("c", 2, rows, top: 2);
        Assert.Equal([(1, "张三", 85.83), (1, "李四", 85.83)], board.Persons.Select(p => (p.Rank, p.Name, p.Score)));
        Assert.Equal(0.01, board.Districts.Single().MeanPerHead); // 0.04 / 8 = 0.005 → 0.01
    }
}
