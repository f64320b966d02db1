using MapsterMapper;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Quiz.Contracts.Banks;
using Quiz.Core.Features.Reasons;

namespace Quiz.Server.Api;

/// <summary>The one endpoint body behind each served error table (banks, stage): its codes with both languages' texts.</summary>
internal static class ReasonTexts
{
    public static Delegate Of(ReasonTable table) =>
        async (ISender sender, IMapper mapper, CancellationToken ct) =>
            TypedResults.Ok(mapper.Map<ReasonTextDto[]>(await sender.Send(new ListReasons(table), ct)));
}
