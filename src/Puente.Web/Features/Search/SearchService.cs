using System.Globalization;
using Puente.Core.Localization;
using Puente.Data.Search;

namespace Puente.Web.Features.SiteSearch;

/// <summary>One result as the API and the page give it: <see cref="Snippet"/> is HTML — the record's text escaped, only
/// the matched words in <c>&lt;mark&gt;</c> (see <see cref="SearchResult"/>); <see cref="Url"/> is the record's page.</summary>
public sealed record SearchItemDto(string Type, Guid Id, string Title, string Snippet, string Code, string Url);

/// <summary>The answer of <c>GET /api/v1/search</c>: a page of readable matches, their total (of the type asked, or all),
/// and the readable matches by type (every type named, 0 when none).</summary>
public sealed record SearchResponse(IReadOnlyList<SearchItemDto> Items, int Total, IReadOnlyDictionary<string, int> ByType, int Page, int PageSize);

/// <summary>A search's answer or the problems of its input, by field (<c>q</c>, <c>type</c>, <c>page</c>).</summary>
public sealed record SearchOutcome(SearchResponse? Response, Dictionary<string, string[]> Errors);

/// <summary>Checks a search's input and runs it through <see cref="SearchQuery"/> (docs/decisions/0049-search.md).</summary>
public sealed class SearchService(PuenteDbContext db, IStringLocalizer<SharedResource> t)
{
    public async Task<SearchOutcome> SearchAsync(string? q, string? type, string? page, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        IReadOnlyList<string> words = [];
        if (string.IsNullOrWhiteSpace(q))
        {
            errors["q"] = [t["Enter something to search for."]];
        }
        else if (q.Length > SearchQuery.MaxQueryLength)
        {
            errors["q"] = [t["A search is at most {0} characters.", SearchQuery.MaxQueryLength]];
        }
        else if ((words = SearchQuery.Words(q)).Count == 0)
        {
            errors["q"] = [t["A search needs at least one word of letters or digits."]];
        }

        var kind = string.IsNullOrWhiteSpace(type) ? null : type.Trim().ToLowerInvariant();
        if (kind is not null && !SearchDocuments.Types.Contains(kind))
        {
            errors["type"] = [t["Unknown type: {0}. Known types: {1}.", Bound(type!), string.Join(", ", SearchDocuments.Types)]];
        }

        var number = 1;
        if (!string.IsNullOrWhiteSpace(page)
            && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1 || number > SearchQuery.MaxPage))
        {
            errors["page"] = [t["Pages go from 1 to {0}.", SearchQuery.MaxPage]];
        }

        if (errors.Count > 0)
        {
            return new SearchOutcome(null, errors);
        }

        var counts = await SearchQuery.CountAsync(db, words, ct);
        var byType = SearchDocuments.Types.ToDictionary(x => x, x => counts.GetValueOrDefault(x));
        var total = kind is null ? byType.Values.Sum() : byType[kind];
        var pages = Math.Max(1, (total + SearchQuery.PageSize - 1) / SearchQuery.PageSize);
        if (number > pages)
        {
            errors["page"] = [t["This search has {0} pages.", pages]];
            return new SearchOutcome(null, errors);
        }

        var spanish = Bilingual.IsSpanish(CultureInfo.CurrentUICulture);
        var results = total == 0 ? [] : await SearchQuery.PageAsync(db, words, kind, number, spanish, total, ct);
        var items = results.Select(r => new SearchItemDto(r.Type, r.Id, r.Title, r.Snippet, r.Code, UrlOf(r))).ToList();
        return new SearchOutcome(new SearchResponse(items, total, byType, number, SearchQuery.PageSize), errors);
    }

    /// <summary>The page of a result's record (an attachment's is its engagement's attachments page).</summary>
    public static string UrlOf(SearchResult r) => r.Type switch
    {
        SearchDocuments.Actor => $"/Actors/Details/{r.Id}",
        SearchDocuments.Person => $"/People/Details/{r.Id}",
        SearchDocuments.Post => $"/Posts/Details/{r.Id}",
        SearchDocuments.Mechanism => $"/Mechanisms/Details/{r.Id}",
        SearchDocuments.Engagement => $"/Engagements/Details/{r.Id}",
        SearchDocuments.Attachment => $"/Engagements/Attachments/{r.ParentId}",
        SearchDocuments.Commitment => $"/Commitments/Details/{r.Id}",
        SearchDocuments.Recommendation => $"/Recommendations/{Uri.EscapeDataString(r.Code)}",
        SearchDocuments.Issue => $"/Issues/{Uri.EscapeDataString(r.Code)}",
        SearchDocuments.Position => $"/Positions/Details/{r.Id}",
        SearchDocuments.Alert => $"/Alerts/{r.Id}",
        _ => "/",
    };

    private static string Bound(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
