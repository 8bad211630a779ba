using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Puente.Web.Hosting;

/// <summary>
/// Turns request-reading failures into RFC 9457 problem details that name the field (malformed JSON, wrong types),
/// and concurrency conflicts and unique-key violations (naming the conflict) into 409. Anything else is a 500 without internals.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> t) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                problem = RequestBodyLimits.TooLarge(httpContext,
                    httpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize);
                break;
            case BadHttpRequestException bad:
                var json = FindJsonException(bad);
                var field = json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
                problem = new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    [field] = [json is null ? t["The request body could not be read."].Value : t["This value is malformed or has the wrong type."].Value],
                })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = t["The request is malformed."],
                };
                break;
            case DbUpdateConcurrencyException:
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = t["The record was changed by someone else. Reload it and apply your change again."],
                };
                break;
            case DbUpdateException update when UniqueConflict.From(update) is { } conflict:
                // Parallel writers that each passed validation: the database's unique index decided, the loser hears why.
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = t["The record conflicts with one that already exists."],
                    Detail = t.Localize(conflict),
                    Extensions = { ["conflict"] = new { table = conflict.Table, columns = conflict.Columns } },
                };
                break;
            default:
                return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static JsonException? FindJsonException(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }
}
