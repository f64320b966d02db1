using System.Globalization;
using Quiz.Core.Contests;

namespace Quiz.Server.Live;

/// <summary>The pub/sub message nodes tell each other a room moved with: "contestId|move|version|seq".</summary>
internal readonly record struct RoomEvent(string ContestId, string Move, long Version, int Seq)
{
    public static string Format(string contestId, string move, Room room) =>
        string.Create(CultureInfo.InvariantCulture, $"{contestId}|{move}|{room.Version}|{room.Seq}");

    public static RoomEvent? Parse(string? message)
    {
        var parts = message?.Split('|');
        if (parts is not { Length: 4 }
            || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var version)
            || !int.TryParse(parts[3], CultureInfo.InvariantCulture, out var seq))
        {
            return null;
        }
        return new RoomEvent(parts[0], parts[1], version, seq);
    }
}
