using System.Security.Cryptography;
using System.Text;
using Quiz.Core.Banks;

namespace Quiz.Core.Contests;

/// <summary>
/// Published at open: hex SHA-256 of "salt|canonical key". Published at reveal: the key and the salt, so anyone can
/// recompute the hash and see the key was fixed before anyone answered. Canonical key: option ids joined by ","
/// (fill-in: the accepted texts joined by "|").
/// </summary>
public static class KeyCommitment
{
    public static string Canonical(AnswerKey key) =>
        key.Options.Count > 0 ? string.Join(',', key.Options) : string.Join('|', key.Accepted);

    public static string Hash(string salt, AnswerKey key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{salt}|{Canonical(key)}")));

    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
