using Quiz.Core.Contests;

namespace Quiz.Infrastructure.Contests;

/// <summary>The group boards a participant counts on: its team, unit and district, where it gave them.</summary>
internal static class Groups
{
    public const string Team = "team";
    public const string Unit = "unit";
    public const string District = "district";

    public static string Dimension(GroupKind kind) => kind switch
    {
        GroupKind.Team => Team,
        GroupKind.Unit => Unit,
        _ => District,
    };

    public static IEnumerable<(string Dimension, string Group)> Of(Participant participant)
    {
        if (!string.IsNullOrWhiteSpace(participant.Team))
        {
            yield return (Team, participant.Team);
        }
        if (!string.IsNullOrWhiteSpace(participant.Unit))
        {
            yield return (Unit, participant.Unit);
        }
        if (!string.IsNullOrWhiteSpace(participant.District))
        {
            yield return (District, participant.District);
        }
    }
}
