using Microsoft.AspNetCore.Diagnostics;
using Quiz.Core.Common;

namespace Quiz.Server.Api;

/// <summary>Turns refusals into specific 400/404/409 answers; anything else stays a 500 without details.</summary>
internal sealed class QuizExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, extensions) = exception switch
        {
            QuizValidationException v => (StatusCodes.Status400BadRequest, "The request is not valid.",
                new Dictionary<string, object?> { ["errors"] = v.Errors }),
            DomainException { Code: "not_found" or "unknown_code" } d => (StatusCodes.Status404NotFound, d.Message,
                new Dictionary<string, object?> { ["code"] = d.Code }),
            DomainException { Code: "unauthorized" } d => (StatusCodes.Status401Unauthorized, d.Message,
                new Dictionary<string, object?> { ["code"] = d.Code }),
            DomainException { Code: "forbidden" } d => (StatusCodes.Status403Forbidden, d.Message,
                new Dictionary<string, object?> { ["code"] = d.Code }),
            DomainException { Reason: { } reason } d => (StatusCodes.Status409Conflict, d.Message,
                new Dictionary<string, object?> { ["code"] = d.Code, ["reason"] = reason.Code, ["args"] = reason.Args }),
            DomainException { Fields: { } fields } d => (StatusCodes.Status409Conflict, d.Message,
                new Dictionary<string, object?> { ["code"] = d.Code, ["errors"] = fields }),
            DomainException d => (StatusCodes.Status409Conflict, d.Message,
                new Dictionary<string, object?> { ["code"] = d.Code }),
            BadHttpRequestException b => (b.StatusCode, b.Message, new Dictionary<string, object?>()),
            _ => (0, "", new Dictionary<string, object?>()),
        };
        if (status == 0)
        {
            return false;
        }
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Extensions = extensions },
        });
    }
}
