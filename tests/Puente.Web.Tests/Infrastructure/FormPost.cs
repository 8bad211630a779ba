using System.Text.RegularExpressions;

namespace Puente.Web.Tests.Infrastructure;

/// <summary>Submits a Razor Pages form the way a browser does: GET the page, take its anti-forgery token, POST.</summary>
public static partial class FormPost
{
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"No anti-forgery token on {page}.");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string page, Dictionary<string, string> fields, string? action = null)
    {
        var token = await TokenAsync(client, page);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
