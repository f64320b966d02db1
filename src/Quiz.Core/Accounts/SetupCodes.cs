using System.Security.Cryptography;
using System.Text;

namespace Quiz.Core.Accounts;

/// <summary>
/// The one-time code that lets the first admin be created from /admin on a store with no account. A node prints it in
/// its log at start (as a notebook server prints its token); only its SHA-256 is stored. 16 characters from an alphabet
/// without look-alikes (no 0/O, 1/I/L), in groups of four: read off a terminal and typed without mistakes.
/// </summary>
public static class SetupCodes
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New()
    {
        var chars = Enumerable.Range(0, 16).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray();
        return string.Join('-', Enumerable.Range(0, 4).Select(i => new string(chars, i * 4, 4)));
    }

    /// <summary>The stored form: spaces, dashes and case do not matter to the person typing it.</summary>
    public static string Hash(string code)
    {
        var clean = new string([.. (code ?? "").ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clean)));
    }
}
