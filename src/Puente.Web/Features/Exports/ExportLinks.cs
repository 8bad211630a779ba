namespace Puente.Web.Features.Exports;

/// <summary>
/// The "CSV" and "Excel" links of a list page (<c>_ExportLinks</c>): <c>/exports/{list}</c> with the filters on screen.
/// <paramref name="Query"/> null takes the page's own query string (its filters); a page whose screen differs from its
/// query string (the alerts' default tab) gives its filters.
/// </summary>
public sealed record ExportLinks(string List, IEnumerable<KeyValuePair<string, string?>>? Query = null)
{
    /// <summary>Parameters of a page that are not filters.</summary>
    private static readonly HashSet<string> NotFilters = new(["page", "pageSize", "handler", "format"], StringComparer.OrdinalIgnoreCase);

    public string Url(HttpRequest request, string format)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filters = (Query ?? request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))))
            .Where(q => !NotFilters.Contains(q.Key) && !string.IsNullOrWhiteSpace(q.Value)).ToList();
        filters.Add(new("format", format));
        return $"{request.PathBase}/exports/{List}{QueryString.Create(filters).ToUriComponent()}";
    }
}
