using Mediator;
using Quiz.Core.Banks;
using Quiz.Core.Banks.Formats;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Banks;

/// <summary>The sheet template (xlsx or csv) with its Chinese headers and two example rows.</summary>
public sealed record GetImportTemplate(BankFormat Format) : IQuery<ExportedFile>, IValidated
{
    public IEnumerable<FieldError> Validate()
    {
        if (Format is not (BankFormat.Xlsx or BankFormat.Csv))
        {
            yield return FieldError.Of("format", BankReasons.TemplateFormat.With());
        }
    }
}

public sealed class GetImportTemplateHandler : IQueryHandler<GetImportTemplate, ExportedFile>
{
    public ValueTask<ExportedFile> Handle(GetImportTemplate query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ExportedFile(BankFiles.Template(query.Format), BankFormats.ContentType(query.Format),
            $"quiz-bank-template.{BankFormats.Extension(query.Format)}"));
}
