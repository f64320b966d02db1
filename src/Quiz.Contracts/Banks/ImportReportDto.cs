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

/// <summary>One problem: the row (question number in JSON, line in GIFT, 0 for the whole file), the column, why.</summary>
public sealed record ImportErrorDto(int Row, string Column, string Message);
