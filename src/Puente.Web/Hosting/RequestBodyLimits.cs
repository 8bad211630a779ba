using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Puente.Web.Hosting;

/// <summary>
/// How large a request body the API reads: <see cref="Json"/> for every endpoint unless it declares its own limit with
/// <see cref="Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute"/> (the CSV import: <see cref="CsvImport"/>). A larger
/// body is answered 413 with a problem naming the limit, before anything reads it.
/// </summary>
public static class RequestBodyLimits
{
    /// <summary>1 MB: a record is a few kilobytes; the largest (4,000-character descriptions in two languages, 50 grants) is far below.</summary>
    public const long Json = 1_000_000;

    /// <summary>The delivery table's own limit (<see cref="Puente.Core.Water.DeliveryImport.MaxBytes"/>, 5 MB).</summary>
    public const long CsvImport = Puente.Core.Water.DeliveryImport.MaxBytes;

    /// <summary>Applies the endpoint's limit to /api requests (after routing, so the endpoint is known).</summary>
    public static IApplicationBuilder UseApiBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? Json;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            // Bodies without a Content-Length (chunked) are cut off by the server at the same limit (ApiExceptionHandler answers 413).
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = TooLarge(context, limit),
            });
            return;
        }

        await next(context);
    });

    /// <summary>The 413 problem for <paramref name="limit"/> bytes, in the request language.</summary>
    public static Microsoft.AspNetCore.Mvc.ProblemDetails TooLarge(HttpContext context, long? limit)
    {
        var t = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = limit is { } bytes
                ? t["The request body is larger than the {0} MB this endpoint accepts.", (bytes / 1_000_000m).ToString("0.#", CultureInfo.CurrentCulture)]
                : t["The request body is too large."],
        };
    }
}
