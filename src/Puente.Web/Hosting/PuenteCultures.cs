using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Puente.Web.Hosting;

/// <summary>The two UI cultures and how a request chooses one: the language cookie, then Accept-Language.</summary>
public static class PuenteCultures
{
    public const string English = "en-US";
    public const string Spanish = "es-MX";

    public static IReadOnlyList<CultureInfo> Supported { get; } = [new(English), new(Spanish)];

    /// <summary>Maps a language tag to a supported culture: any Spanish to es-MX, any English to en-US, else null.</summary>
    public static string? Map(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var t = tag.Trim();
        return t.StartsWith("es", StringComparison.OrdinalIgnoreCase) ? Spanish
            : t.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English
            : null;
    }

    public static void Configure(RequestLocalizationOptions options)
    {
        options.DefaultRequestCulture = new RequestCulture(English);
        options.SupportedCultures = [.. Supported];
        options.SupportedUICultures = [.. Supported];
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider(),
            new CustomRequestCultureProvider(context =>
            {
                var accepted = context.Request.GetTypedHeaders().AcceptLanguage
                    .OrderByDescending(l => l.Quality ?? 1)
                    .Select(l => Map(l.Value.Value))
                    .FirstOrDefault(c => c is not null);
                return Task.FromResult(accepted is null ? null : new ProviderCultureResult(accepted));
            }),
        ];
    }

    /// <summary>The value of the language cookie for <paramref name="culture"/>.</summary>
    public static string CookieValue(string culture) =>
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));
}
