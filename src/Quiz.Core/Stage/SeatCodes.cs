using System.Security.Cryptography;
using System.Text;
using Quiz.Core.Contests;

namespace Quiz.Core.Stage;

/// <summary>
/// Each team's seat code, derived from the contest's host key hash (which never leaves the server) so nothing more
/// needs storing: only a host can learn them, and a code opens one team's seat in one contest.
/// </summary>
public static class SeatCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"; // no 0/O, 1/I/L: read aloud and typed on a phone

    public static string For(ContestDefinition contest, int team)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(contest.HostKeyHash), Encoding.UTF8.GetBytes($"seat:{contest.Id}:{team}"));
        var code = new StringBuilder(10);
        foreach (var b in mac.AsSpan(0, 10))
        {
            code.Append(Alphabet[b % Alphabet.Length]);
        }
        return code.ToString();
    }

    /// <summary>The team whose seat the code opens, or null.</summary>
    public static int? TeamOf(ContestDefinition contest, string code)
    {
        var given = Encoding.ASCII.GetBytes((code ?? "").Trim().ToUpperInvariant());
        var teams = contest.Stage?.Teams.Count ?? 0;
        for (var team = 0; team < teams; team++)
        {
            if (CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(For(contest, team))))
            {
                return team;
            }
        }
        return null;
    }
}
