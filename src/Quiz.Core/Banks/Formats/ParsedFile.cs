using Quiz.Core.Common;

namespace Quiz.Core.Banks.Formats;

/// <summary>
/// One problem in an import file, where the organizer will look for it: row (header = 1), column, why.
/// <see cref="Field"/> names the question field at fault in the API's words (answer, options[2]), empty when the
/// problem is not one field's, so a page can label the column in its own language whatever the format.
/// </summary>
public sealed record ImportError(int Row, string Column, Reason Reason, string Field = "")
{
    public string Message => Reason.Message;

    public string Code => Reason.Code;

    public IReadOnlyDictionary<string, string> Args => Reason.Args;

    public static ImportError Of(int row, ParsedFile file, DraftError error) =>
        new(row, file.ColumnOf(error), error.Reason, JsonBankFile.ColumnOf(error));
}

/// <summary>
/// What a reader made of a file: the drafts it found and the problems with the file's shape.
/// <see cref="ColumnOf"/> names a draft field the way this format does (答案 in a sheet, answer in JSON).
/// </summary>
public sealed record ParsedFile(IReadOnlyList<QuestionDraft> Drafts, IReadOnlyList<ImportError> Errors, Func<DraftError, string> ColumnOf)
{
    public static ParsedFile Failed(Reason reason, Func<DraftError, string> columnOf) =>
        new([], [new ImportError(0, "", reason)], columnOf);
}
