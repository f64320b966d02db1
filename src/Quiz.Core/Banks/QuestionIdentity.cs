using System.Security.Cryptography;
using System.Text;

namespace Quiz.Core.Banks;

/// <summary>
/// How a re-import recognises a question it has seen: by the organizer's key when there is one, else by a hash of
/// type, stem and options; and whether anything an organizer can edit differs.
/// </summary>
public static class QuestionIdentity
{
    public static string MatchKey(Question q) => q.Key is { Length: > 0 } key ? "k:" + key : "h:" + ContentHash(q);

    public static string ContentHash(Question q)
    {
        var text = string.Join('\u001f', [QuestionTypeNames.English(q.Type), TextNormalizer.Normalize(q.Stem),
            .. q.Options.Select(TextNormalizer.Normalize)]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));
    }

    /// <summary>True when every field an organizer can edit is the same (ids, version and dates aside).</summary>
    public static bool SameContent(Question a, Question b) =>
        a.Key == b.Key && a.Type == b.Type && a.Stem == b.Stem && a.Options.SequenceEqual(b.Options)
        && a.Answer.Equals(b.Answer) && a.Explanation == b.Explanation && a.Category == b.Category
        && a.Tags.SequenceEqual(b.Tags) && a.Difficulty == b.Difficulty && a.ImageUrl == b.ImageUrl && a.Source == b.Source
        && a.Excludes.SequenceEqual(b.Excludes) && a.ReviewBy == b.ReviewBy;
}
