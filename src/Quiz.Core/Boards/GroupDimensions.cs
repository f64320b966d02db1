using Quiz.Core.Contests;

namespace Quiz.Core.Boards;

/// <summary>The group boards a participant counts on: its team, unit and district, where it has them.</summary>
public static class GroupDimensions
{
    public const string Team = "team";
    public const string Unit = "unit";
    public const string District = "district";

    public static readonly IReadOnlyList<string> All = [Team, Unit, District];

    public static string Of(GroupKind kind) => kind switch
    {
        GroupKind.Team => Team,
        GroupKind.Unit => Unit,
        _ => District,
    };

    public static string? Of(Participant participant, string dimension) => dimension switch
    {
        Team => participant.Team,
        Unit => participant.Unit,
        District => participant.District,
        _ => null,
    };

    public static IEnumerable<(string Dimension, string Group)> Of(Participant participant)
    {
        foreach (var dimension in All)
        {
            if (Of(participant, dimension) is { } group && !string.IsNullOrWhiteSpace(group))
            {
                yield return (dimension, group);
            }
        }
    }
}
