namespace Quiz.Contracts.Banks;

/// <summary>
/// What an import did, or would do (dry run). With any error, <see cref="Ok"/> is false and nothing was written.
/// Rows are numbered as the organizer sees them: in a sheet the header is row 1.
/// </summary>
public sealed record ImportReportDto(
    bool Ok,
    bool DryRun,
    IReadOnlyList<ImportErrorDto> Errors,
    int Added,
    int Updated,
    int Unchanged);

/// <summary>
/// One problem: the row (question number in JSON, line in GIFT, 0 for the whole file), the column as the file names
/// it, why in English (<see cref="Message"/>), and the same as a stable <see cref="Code"/> with its <see cref="Args"/>
/// (see GET /api/banks/reasons for both languages). <see cref="Field"/> is the question field at fault in the API's
/// words (answer, options[2]), empty when the problem is not one field's.
/// </summary>
public sealed record ImportErrorDto(int Row, string Column, string Message, string Code, IReadOnlyDictionary<string, string> Args, string Field);
