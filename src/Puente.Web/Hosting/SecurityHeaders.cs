namespace Puente.Web.Hosting;

/// <summary>
/// The headers every response carries so that a browser runs only Puente's own files, never frames its pages, never
/// sniffs a type and sends no referrer elsewhere (docs/decisions/0017-browser-and-input-hardening.md).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Pages: only files from Puente itself; no inline script or style (the pages have none: charts are SVG attributes,
    /// legends CSS classes); data: images for Bootstrap's form icons.
    /// </summary>
    public const string PagePolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference (Scalar) configures itself with an inline script and styles itself inline; it shows public
    /// documentation only and holds no form that writes, so it alone may use inline code.
    /// </summary>
    public const string ApiReferencePolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set when the response starts: the exception handler clears headers set earlier.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/reference") || context.Request.Path.StartsWithSegments("/scalar")
                ? ApiReferencePolicy
                : PagePolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
