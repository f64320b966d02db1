using Mediator;
using Quiz.Core.Features.Clock;

namespace Quiz.Server.Api;

internal static class ClockApi
{
    public static void MapClockApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/time", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(new { serverTime = await sender.Send(new GetServerTime(), ct) }))
            .WithName("GetServerTime")
            .WithTags("Clock");
}
