using Mediator;
using Quiz.Core.Common;
using Quiz.Core.Features.Contests;
using Quiz.Core.Stage;

namespace Quiz.Core.Features.Stage;

/// <summary>A shipped stage-contest template filled in for a bank: the body to post to create the contest.</summary>
public sealed record GetStageTemplate(string TemplateId, string BankId) : IQuery<CreateContest>;

public sealed class GetStageTemplateHandler : IQueryHandler<GetStageTemplate, CreateContest>
{
    public ValueTask<CreateContest> Handle(GetStageTemplate query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(StageTemplates.Build(query.TemplateId, query.BankId ?? "") ?? throw DomainException.NotFound("Stage template", query.TemplateId));
}
