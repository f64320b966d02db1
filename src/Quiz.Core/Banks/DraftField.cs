using Quiz.Core.Common;

namespace Quiz.Core.Banks;

/// <summary>The fields a draft error can name; each format turns them into its own column names.</summary>
public enum DraftField
{
    Row,
    Key,
    Type,
    Stem,
    Options,
    Answer,
    Explanation,
    Category,
    Tags,
    Difficulty,
    ImageUrl,
    Source,
    Excludes,
    ReviewBy,
}

/// <summary>A problem with one field of one draft; <see cref="Option"/> is the option index when one option is at fault.</summary>
public sealed record DraftError(DraftField Field, Reason Reason, int? Option = null)
{
    public string Message => Reason.Message;
}
