namespace Puente.Core.Text;

/// <summary>The web addresses records keep (sources, websites): absolute, http or https — never javascript:, file: or data:.</summary>
public static class WebAddress
{
    public static bool IsValid(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
