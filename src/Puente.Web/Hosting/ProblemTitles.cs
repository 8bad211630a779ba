using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.AspNetCore.WebUtilities;

namespace Puente.Web.Hosting;

/// <summary>Replaces the framework's English default problem titles with the request language's.</summary>
public static class ProblemTitles
{
    public static void Localize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (problem.Title is not null && problem.Title != ReasonPhrases.GetReasonPhrase(status) && status != StatusCodes.Status500InternalServerError)
        {
            return;
        }

        var t = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        problem.Title = status switch
        {
            StatusCodes.Status400BadRequest => t["The request is malformed."],
            StatusCodes.Status401Unauthorized => t["Sign in first: send a bearer token from POST /api/v1/auth/login."],
            StatusCodes.Status403Forbidden => t["Your role or side does not allow this."],
            StatusCodes.Status404NotFound => t["No such record, or you have no access to it."],
            StatusCodes.Status405MethodNotAllowed => t["This method is not allowed here."],
            StatusCodes.Status409Conflict => t["The record was changed by someone else. Reload it and apply your change again."],
            StatusCodes.Status415UnsupportedMediaType => AcceptedContentTypes(context.HttpContext) is { Length: > 0 } accepted
                ? t["This endpoint accepts {0} only: send the body with that Content-Type.", accepted]
                : t["Send JSON (Content-Type: application/json)."],
            _ => t["Something went wrong on the server. The error has been logged."],
        };
    }

    /// <summary>
    /// The content types the endpoints at the request's path and method accept ("text/csv"), or "" when none declares any.
    /// A 415 is answered by routing before an endpoint is chosen, so the candidates are looked up again here.
    /// </summary>
    private static string AcceptedContentTypes(HttpContext http)
    {
        var types = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in http.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not { } accepts
                || (methods is not null && !methods.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase))
                || !new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), []).TryMatch(http.Request.Path, []))
            {
                continue;
            }

            types.UnionWith(accepts.ContentTypes);
        }

        return string.Join(", ", types);
    }
}
