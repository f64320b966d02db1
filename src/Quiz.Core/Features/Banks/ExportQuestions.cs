using Mediator;
using Quiz.Core.Banks;
using Quiz.Core.Banks.Formats;

namespace Quiz.Core.Features.Banks;

/// <summary>The bank's active questions as a file that imports back to the same questions.</summary>
public sealed record ExportQuestions(string BankId, BankFormat Format) : IQuery<ExportedFile>;

/// <summary>A file to download.</summary>
public sealed record ExportedFile(byte[] Content, string ContentType, string FileName);

public sealed class ExportQuestionsHandler(IBankStore store) : IQueryHandler<ExportQuestions, ExportedFile>
{
    public async ValueTask<ExportedFile> Handle(ExportQuestions query, CancellationToken cancellationToken)
    {
        var bank = await BankChanges.LoadAsync(store, query.BankId, cancellationToken);
        var content = BankFiles.Write(query.Format, BankChanges.Ordered(bank.Questions.Where(q => !q.Retired)));
        return new ExportedFile(content, BankFormats.ContentType(query.Format), $"{bank.Bank.Id}.{BankFormats.Extension(query.Format)}");
    }
}
