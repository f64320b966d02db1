using MapsterMapper;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Quiz.Contracts.Banks;
using Quiz.Core.Banks;
using Quiz.Core.Banks.Formats;
using Quiz.Core.Common;
using Quiz.Core.Features.Banks;
using Quiz.Core.Features.Reasons;
using Quiz.Server.Security;

namespace Quiz.Server.Api;

/// <summary>Import (multipart field "file", or the raw body with ?format=), export, and the sheet templates.</summary>
internal static class BankFilesApi
{
    public const int MaxUploadBytes = 20 * 1024 * 1024;

    public static void MapBankFilesApi(this IEndpointRouteBuilder app)
    {
        var banks = app.MapGroup("/api/banks").WithTags("Import and export").RequireAuthorization(Policies.Organizer);
        // The empty templates hold no secret; the admin page links to them directly.
        banks.MapGet("/template.xlsx", (ISender sender, CancellationToken ct) => Template(BankFormat.Xlsx, sender, ct)).WithName("GetXlsxTemplate").AllowAnonymous();
        banks.MapGet("/template.csv", (ISender sender, CancellationToken ct) => Template(BankFormat.Csv, sender, ct)).WithName("GetCsvTemplate").AllowAnonymous();
        banks.MapPost("/{bankId}/import", Import).WithName("ImportQuestions")
            .Accepts<IFormFile>("multipart/form-data", "application/octet-stream", "application/json", "text/csv", "text/plain",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithDescription("Imports a whole file or nothing (xlsx, csv, json, gift; at most 20 MB). 400 carries every error "
                + "with row and column; 413 a file past a limit (unpacked 100 MB, 60,000 rows, 64 columns, 32,767 characters a cell), "
                + "named in the report; dryRun=true reports without writing. See docs/import-formats.md.");
        banks.MapGet("/{bankId}/export", Export).WithName("ExportQuestions");
        banks.MapGet("/reasons", ReasonTexts.Of(ReasonTable.Bank)).WithName("ListBankReasons")
            .WithDescription("Every import and edit error code with its English and Chinese text; errors carry the code and its args.");
    }

    private static async Task<FileContentHttpResult> Template(BankFormat format, ISender sender, CancellationToken ct)
    {
        var file = await sender.Send(new GetImportTemplate(format), ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(string bankId, string? format, ISender sender, CancellationToken ct)
    {
        if (!BankFormats.TryParse(format ?? "xlsx", out var parsed))
        {
            return Problem(BankReasons.ExportFormat.With(("value", format ?? "")), StatusCodes.Status400BadRequest);
        }
        var file = await sender.Send(new ExportQuestions(bankId, parsed), ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Results<Ok<ImportReportDto>, BadRequest<ImportReportDto>, JsonHttpResult<ImportReportDto>, ProblemHttpResult>> Import(
        string bankId, HttpRequest request, ISender sender, IMapper mapper, ImportGate gate, CancellationToken ct, string? format = null, bool dryRun = false)
    {
        if (request.ContentLength > MaxUploadBytes + 64 * 1024)
        {
            return TooLarge();
        }
        var upload = await ReadUploadAsync(request, ct);
        if (upload.Problem is not null)
        {
            return upload.Problem;
        }
        if (!BankFormats.TryParse(format, out var parsed) && !BankFormats.TryFromFileName(upload.FileName, out parsed))
        {
            return Problem(BankReasons.UploadFormat.With(), StatusCodes.Status400BadRequest);
        }
        using var turn = gate.TryEnter();
        if (turn is null)
        {
            return Problem(BankReasons.UploadBusy.With(), StatusCodes.Status429TooManyRequests);
        }
        var report = mapper.Map<ImportReportDto>(await sender.Send(new ImportQuestions(bankId, parsed, upload.Bytes, dryRun), ct));
        if (report.Errors.Any(e => SheetRefused.IsLimit(e.Code)))
        {
            // Past a limit of SheetLimits (unpacked size, rows, columns, cell length): the report names the limit.
            return TypedResults.Json(report, statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        return report.Ok ? TypedResults.Ok(report) : TypedResults.BadRequest(report);
    }

    internal sealed record Upload(byte[] Bytes, string? FileName, ProblemHttpResult? Problem);

    internal static async Task<Upload> ReadUploadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            if (!request.HasFormContentType)
            {
                return await ReadBoundedAsync(request.Body, null, ct);
            }
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null)
            {
                return new Upload([], null, Problem(BankReasons.UploadNoFile.With(), StatusCodes.Status400BadRequest));
            }
            await using var stream = file.OpenReadStream();
            return await ReadBoundedAsync(stream, file.FileName, ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new Upload([], null, TooLarge());
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return new Upload([], null, Problem(BankReasons.UploadUnreadable.With(("detail", ex.Message)), StatusCodes.Status400BadRequest));
        }
    }

    /// <summary>The bytes, or a 413 once they pass the limit (the rest is not read).</summary>
    private static async Task<Upload> ReadBoundedAsync(Stream stream, string? fileName, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxUploadBytes)
            {
                return new Upload([], fileName, TooLarge());
            }
            buffer.Write(chunk, 0, read);
        }
        return new Upload(buffer.ToArray(), fileName, null);
    }

    internal static ProblemHttpResult TooLarge() =>
        Problem(BankReasons.UploadTooLarge.With(("mb", MaxUploadBytes / 1024 / 1024)), StatusCodes.Status413PayloadTooLarge);

    /// <summary>The English message as the detail, the reason code and args beside it for pages in other languages.</summary>
    internal static ProblemHttpResult Problem(Reason reason, int status) =>
        TypedResults.Problem(detail: reason.Message, statusCode: status,
            extensions: new Dictionary<string, object?> { ["reason"] = reason.Code, ["args"] = reason.Args });
}
