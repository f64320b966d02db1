namespace Quiz.Core.Boards;

/// <summary>A person's row on a board: points in hundredths (exact) and the answer time that counts.</summary>
public sealed record PersonRow(string ParticipantId, long Hundredths, long TimeMs)
{
    public double Points => Hundredths / 100.0;
}

/// <summary>A group's row: how many it counts (the divisor of its mean) and its summed points in hundredths.</summary>
public sealed record GroupRow(string Name, int Size, long Hundredths)
{
    public double Total => Hundredths / 100.0;

    public double MeanPerHead => Size <= 0 ? 0 : Hundredths / 100.0 / Size;
}

/// <summary>
/// Who is ahead, for every board in Quiz (live persons and groups, online-round results and their unit and district
/// boards), stated once:
/// <list type="bullet">
/// <item>persons: more points, then less answer time; equal on both share a rank (1, 2, 2, 4) and are listed by
/// participant id, ascending (ordinal).</item>
/// <item>groups: higher mean points per head (summed points / the group's size), then higher total; equal on both
/// share a rank and are listed by name (ordinal).</item>
/// </list>
/// Comparisons are exact: integer hundredths, and means compared by cross-multiplying.
/// </summary>
public static class Ranking
{
    /// <summary>Positive when <paramref name="a"/> is ahead of <paramref name="b"/>, 0 when level.</summary>
    public static int Lead(PersonRow a, PersonRow b)
    {
        var points = a.Hundredths.CompareTo(b.Hundredths);
        return points != 0 ? points : b.TimeMs.CompareTo(a.TimeMs);
    }

    /// <summary>Listing order: ahead first, then level rows by id.</summary>
    public static int Order(PersonRow a, PersonRow b)
    {
        var lead = Lead(b, a);
        return lead != 0 ? lead : string.CompareOrdinal(a.ParticipantId, b.ParticipantId);
    }

    public static int Lead(GroupRow a, GroupRow b)
    {
        // a.H / a.Size vs b.H / b.Size without division; sizes of at least 1 so an empty group's mean is its total
        var mean = ((Int128)a.Hundredths * Math.Max(1, b.Size)).CompareTo((Int128)b.Hundredths * Math.Max(1, a.Size));
        return mean != 0 ? mean : a.Hundredths.CompareTo(b.Hundredths);
    }

    public static int Order(GroupRow a, GroupRow b)
    {
        var lead = Lead(b, a);
        return lead != 0 ? lead : string.CompareOrdinal(a.Name, b.Name);
    }

    /// <summary>Rows in listing order with their competition ranks (everyone strictly ahead, plus one).</summary>
    public static IReadOnlyList<(int Rank, PersonRow Row)> Ranked(IEnumerable<PersonRow> rows) => RankedBy(rows, Order, Lead);

    public static IReadOnlyList<(int Rank, GroupRow Row)> Ranked(IEnumerable<GroupRow> rows) => RankedBy(rows, Order, Lead);

    private static List<(int Rank, T Row)> RankedBy<T>(IEnumerable<T> rows, Comparison<T> order, Func<T, T, int> lead)
    {
        var sorted = rows.ToList();
        sorted.Sort(order);
        var ranked = new List<(int, T)>(sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            var rank = i > 0 && lead(sorted[i - 1], sorted[i]) == 0 ? ranked[i - 1].Item1 : i + 1;
            ranked.Add((rank, sorted[i]));
        }
        return ranked;
    }
}
