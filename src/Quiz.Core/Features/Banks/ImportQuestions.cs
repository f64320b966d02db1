using Mediator;
using Quiz.Core.Banks;
using Quiz.Core.Banks.Formats;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Banks;

/// <summary>
/// Imports a whole file or nothing. Every row is checked before anything is written; a file with any error writes
/// nothing and reports every error. A dry run reports what would happen. Re-importing a file adds no duplicates.
/// </summary>
public sealed record ImportQuestions(string BankId, BankFormat Format, ReadOnlyMemory<byte> Content, bool DryRun = false) : ICommand<ImportReport>, IAudited
{
    public string AuditTarget => $"bank:{BankId}";

    /// <summary>The format and size, not the file: an upload may be 20 MB.</summary>
    public object? AuditInput => new { Format = Format.ToString(), Bytes = Content.Length, DryRun };
}

/// <summary>Ok is false when there are errors; then the counts are zero and nothing was written.</summary>
public sealed record ImportReport(bool Ok, bool DryRun, IReadOnlyList<ImportError> Errors, int Added, int Updated, int Unchanged);

public sealed class ImportQuestionsHandler(IBankStore store, TimeProvider clock) : ICommandHandler<ImportQuestions, ImportReport>
{
    public async ValueTask<ImportReport> Handle(ImportQuestions command, CancellationToken cancellationToken)
    {
        var (questions, errors) = ImportPlan.Check(BankFiles.Read(command.Format, command.Content));
        if (errors.Count > 0)
        {
            await BankChanges.LoadAsync(store, command.BankId, cancellationToken); // a missing bank is still a 404
            return new ImportReport(false, command.DryRun, errors, 0, 0, 0);
        }
        return await BankChanges.CommitAsync<ImportReport>(store, command.BankId, bank =>
        {
            var plan = ImportPlan.Against(bank, questions, clock.GetUtcNow(), QuestionIds.NewQuestionId);
            if (plan.Errors.Count > 0)
            {
                return ([], new ImportReport(false, command.DryRun, plan.Errors, 0, 0, 0));
            }
            var report = new ImportReport(true, command.DryRun, [], plan.Added, plan.Updated, plan.Unchanged);
            return (command.DryRun ? [] : plan.Upserts, report);
        }, cancellationToken);
    }
}
