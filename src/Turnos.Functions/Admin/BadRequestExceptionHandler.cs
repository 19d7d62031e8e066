using Microsoft.AspNetCore.Diagnostics;

namespace Turnos.Functions.Admin;

/// <summary>
/// Minimal APIs throw <see cref="BadHttpRequestException"/> for a body they cannot read (malformed JSON, wrong types,
/// wrong content type) when <c>RouteHandlerOptions.ThrowOnBadRequest</c> is on, as it is in Development; the exception
/// handler would answer 500. This answers with the exception's own status (400, 415, …) as ProblemDetails. Outside
/// Development the endpoint sets 400 itself and the status-code pages write the ProblemDetails.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted) return false;
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
        });
    }
}
