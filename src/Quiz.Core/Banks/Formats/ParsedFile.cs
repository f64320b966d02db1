namespace Quiz.Core.Banks.Formats;

/// <summary>One problem in an import file, where the organizer will look for it: row (header = 1), column, why.</summary>
public sealed record ImportError(int Row, string Column, string Message);

/// <summary>
/// What a reader made of a file: the drafts it found and the problems with the file's shape.
/// <see cref="ColumnOf"/> names a draft field the way this format does (答案 in a sheet, answer in JSON).
/// </summary>
public sealed record ParsedFile(IReadOnlyList<QuestionDraft> Drafts, IReadOnlyList<ImportError> Errors, Func<DraftError, string> ColumnOf)
{
    public static ParsedFile Failed(string message, Func<DraftError, string> columnOf) =>
        new([], [new ImportError(0, "", message)], columnOf);
}
