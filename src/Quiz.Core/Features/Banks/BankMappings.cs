using Mapster;
using Quiz.Contracts.Banks;
using Quiz.Core.Banks;
using Quiz.Core.Banks.Formats;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Banks;

/// <summary>Banks at the edge: answers and types in the import notation, so the API reads like the files.</summary>
public sealed class BankMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Bank, BankDto>();
        config.NewConfig<Question, QuestionDto>()
            .Map(d => d.Type, s => QuestionTypeNames.English(s.Type))
            .Map(d => d.Answer, s => AnswerNotation.Format(s.Type, s.Answer));
        config.NewConfig<QuestionPage, QuestionPageDto>();
        config.NewConfig<QuestionInput, QuestionDraft>()
            .Ignore(d => d.Row)
            .Map(d => d.Options, s => s.Options ?? Array.Empty<string>())
            .Map(d => d.Tags, s => s.Tags ?? Array.Empty<string>())
            .Map(d => d.Excludes, s => s.Excludes ?? Array.Empty<string>())
            .Map(d => d.Difficulty, s => s.Difficulty == null ? null : s.Difficulty.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        config.NewConfig<ImportError, ImportErrorDto>();
        config.NewConfig<ReasonText, ReasonTextDto>();
        config.NewConfig<ImportReport, ImportReportDto>();
        config.NewConfig<PaperItem, PaperItemDto>();
        config.NewConfig<Paper, PaperDto>();
        config.NewConfig<Shortfall, ShortfallDto>();
        config.NewConfig<BlueprintRuleDto, BlueprintRule>()
            .Map(d => d.Type, s => ParseType(s.Type));
    }

    // An unknown type name maps to no filter here; the endpoint checks names before mapping.
    private static QuestionType? ParseType(string? name) =>
        name is not null && QuestionTypeNames.TryParse(name, out var type) ? type : null;
}
