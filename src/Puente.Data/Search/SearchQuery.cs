using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Puente.Core.Agenda;
using Puente.Core.Catalog;
using Puente.Core.Commitments;
using Puente.Core.Memory;
using Puente.Core.Warning;

namespace Puente.Data.Search;

/// <summary>One result: the record's type, id, code (and parent), its title in the reader's language and a snippet.</summary>
/// <param name="Type">The API's type name (<see cref="SearchDocuments.Types"/>).</param>
/// <param name="Id">The record's id.</param>
/// <param name="Code">The record's code.</param>
/// <param name="ParentId">The record a part belongs to (an attachment's engagement, a position's issue, an alert's indicator).</param>
/// <param name="Title">In the reader's language (the other when empty), as written: not HTML.</param>
/// <param name="Snippet">HTML: the record's text with every character that means something in HTML escaped
/// (<c>&amp; &lt; &gt; &quot; &#39;</c>) and only the matched words wrapped in <c>&lt;mark&gt;…&lt;/mark&gt;</c>; an ellipsis (…)
/// where the text was cut. Safe to insert as HTML as it is.</param>
public sealed record SearchResult(string Type, Guid Id, string Code, Guid? ParentId, string Title, string Snippet);

/// <summary>
/// Full-text search over <see cref="SearchEntry"/>: the provider's match (SQLite FTS5 over the C# terms; PostgreSQL
/// <c>tsvector</c> with <c>unaccent</c> and the <c>english</c> and <c>spanish</c> configurations), then every hit joined to
/// its record's entity set, whose query filter is the access rule — a record the viewer cannot read is neither listed
/// nor counted (docs/decisions/0049-search.md).
/// </summary>
public static class SearchQuery
{
    public const int MaxQueryLength = 200;
    public const int PageSize = 20;
    public const int MaxPage = 500;

    /// <summary>The most distinct words a query keeps (a 200-character query has at most 100).</summary>
    public const int MaxWords = 32;

    /// <summary>The words searched for in a query: letters and digits only, so no character is ever search syntax.</summary>
    public static IReadOnlyList<string> Words(string query) => [.. SearchText.Words(query).Distinct(StringComparer.Ordinal).Take(MaxWords)];

    /// <summary>Readable matches by type (types without any are left out).</summary>
    public static async Task<Dictionary<string, int>> CountAsync(PuenteDbContext db, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var counts = await Readable(db, Hits(db, words, null, null), null)
            .GroupBy(h => h.Type)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return SearchDocuments.Types.Join(counts, t => t, c => c.Key, (t, c) => (t, c.Count)).ToDictionary(x => x.t, x => x.Count);
    }

    /// <summary>One page of readable matches of <paramref name="type"/> (null: all), best first. <paramref name="readable"/>
    /// is how many readable matches there are (from <see cref="CountAsync"/>): the page is taken from the best-ranked
    /// matches first, a window widened until it holds the page or every match, so a common word checks the access of a
    /// few hundred hits for its first pages, not of all of them.</summary>
    public static async Task<List<SearchResult>> PageAsync(PuenteDbContext db, IReadOnlyList<string> words, string? type, int page, bool spanish,
        int readable, CancellationToken cancellationToken)
    {
        var wanted = Math.Min(page * PageSize, readable);
        List<long> ids = [];
        for (var window = Math.Max(4 * page * PageSize, 200); ; window *= 8)
        {
            var all = window > 2_000_000;
            var ranked = await Readable(db, Hits(db, words, type, all ? null : window), type)
                .OrderByDescending(h => h.Score).ThenBy(h => h.EntryId)
                .Take(page * PageSize)
                .Select(h => h.EntryId)
                .ToListAsync(cancellationToken);
            if (ranked.Count >= wanted || all)
            {
                ids = [.. ranked.Skip((page - 1) * PageSize)];
                break;
            }
        }

        var entries = await db.SearchEntries.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var terms = words.SelectMany(SearchText.Terms).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. ids.Where(entries.ContainsKey).Select(id => entries[id]).Select(e => new SearchResult(e.Type, e.RecordId, e.Code, e.ParentId,
                Pick(spanish ? e.TitleEs : e.TitleEn, spanish ? e.TitleEn : e.TitleEs),
                SnippetOf(e, terms, spanish))),
        ];
    }

    /// <summary>The snippet of an entry: from the reader's language's text if it matches, else the other's, else the title.</summary>
    public static string SnippetOf(SearchEntry entry, IReadOnlySet<string> terms, bool spanish)
    {
        string[] texts = spanish ? [entry.BodyEs, entry.BodyEn] : [entry.BodyEn, entry.BodyEs];
        foreach (var text in texts)
        {
            if (Snippet(text, terms) is { } snippet)
            {
                return snippet;
            }
        }

        return Snippet(spanish ? entry.TitleEs : entry.TitleEn, terms) ?? Snippet(texts[0], terms, requireMatch: false) ?? "";
    }

    /// <summary>About <paramref name="words"/> words around the first match, escaped, matches marked; null when nothing matches
    /// (unless <paramref name="requireMatch"/> is false: then the text's beginning).</summary>
    public static string? Snippet(string text, IReadOnlySet<string> terms, int words = 30, bool requireMatch = true)
    {
        var spans = SearchText.WordSpans(text).ToList();
        bool Matches(int i) => SearchText.Terms(text.Substring(spans[i].Start, Math.Min(spans[i].Length, SearchText.MaxWordLength)).ToLowerInvariant())
            .Any(terms.Contains);
        var first = Enumerable.Range(0, spans.Count).FirstOrDefault(Matches, -1);
        if (first < 0 && (requireMatch || spans.Count == 0))
        {
            return null;
        }

        var start = Math.Max(0, first - (words / 4));
        var end = Math.Min(spans.Count, start + words);
        var html = new StringBuilder();
        if (start > 0)
        {
            html.Append("… ");
        }

        for (var i = start; i < end; i++)
        {
            if (i > start)
            {
                Escape(html, text.AsSpan(spans[i - 1].Start + spans[i - 1].Length, spans[i].Start - spans[i - 1].Start - spans[i - 1].Length));
            }

            var word = text.AsSpan(spans[i].Start, spans[i].Length);
            if (first >= 0 && Matches(i))
            {
                html.Append("<mark>");
                Escape(html, word);
                html.Append("</mark>");
            }
            else
            {
                Escape(html, word);
            }
        }

        if (end < spans.Count)
        {
            html.Append(" …");
        }

        return html.ToString();
    }

    private static void Escape(StringBuilder html, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\n' or '\r' or '\t' => " ",
                _ => c.ToString(),
            });
        }
    }

    private static string Pick(string preferred, string other) => string.IsNullOrWhiteSpace(preferred) ? other : preferred;

    /// <summary>The provider's full-text matches, every word required (a word matches any of its terms); of one type when
    /// <paramref name="type"/> is given; the best <paramref name="window"/> by score when given.</summary>
    private static IQueryable<SearchHit> Hits(PuenteDbContext db, IReadOnlyList<string> words, string? type, int? window)
    {
        // Only placeholders ({0}, {1}, …) and fixed SQL are put together here; every value is a parameter.
        List<object> parameters = [];
        string Parameter(object value)
        {
            parameters.Add(value);
            return "{" + (parameters.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
        }

        if (db.Database.IsSqlite())
        {
            // Terms are letters and digits only: quoted, each is a plain token, never an FTS5 operator. The hit is read
            // from the narrow index IX_SearchEntries_Hits, never from the entries' text.
            var match = string.Join(" AND ", words.Select(w => "(" + string.Join(" OR ", SearchText.Terms(w).Select(t => "\"" + t + "\"")) + ")"));
            var sqlite = """SELECT e."Id" AS "EntryId", e."Type", e."RecordId", -bm25("SearchFts", 10.0, 1.0) AS "Score" FROM "SearchFts" JOIN "SearchEntries" AS e INDEXED BY "IX_SearchEntries_Hits" ON e."Id" = "SearchFts".rowid WHERE "SearchFts" MATCH """
                + Parameter(match) + Narrowing();
#pragma warning disable EF1002 // Only parameter placeholders are interpolated (above).
            return db.Set<SearchHit>().FromSqlRaw(sqlite, [.. parameters]);
#pragma warning restore EF1002
        }

        // Each word is a parameter, made a query by plainto_tsquery (which treats every character as text).
        var query = string.Join(" && ", words.Select(w => Parameter(w)).Select(p =>
            $"(plainto_tsquery('english', unaccent({p})) || plainto_tsquery('spanish', unaccent({p})) || plainto_tsquery('spanish', {p}))"));
        var postgres = $"""SELECT e."Id" AS "EntryId", e."Type", e."RecordId", ts_rank(e."SearchVector", q.query)::float8 AS "Score" FROM "SearchEntries" AS e, (SELECT {query} AS query) AS q WHERE e."SearchVector" @@ q.query"""
            + Narrowing();
#pragma warning disable EF1002 // Only parameter placeholders are interpolated (above).
        return db.Set<SearchHit>().FromSqlRaw(postgres, [.. parameters]);
#pragma warning restore EF1002

        string Narrowing() => (type is null ? "" : """ AND e."Type" = """ + Parameter(type))
            + (window is null ? "" : """ ORDER BY "Score" DESC LIMIT """ + Parameter(window.Value));
    }

    /// <summary>The hits whose record the viewer can read: each joined to its entity set (and so to its access filter).</summary>
    private static IQueryable<SearchHit> Readable(PuenteDbContext db, IQueryable<SearchHit> hits, string? type)
    {
        var rules = new Dictionary<string, Expression<Func<SearchHit, bool>>>
        {
            [SearchDocuments.Actor] = h => h.Type == SearchDocuments.Actor && db.Set<Actor>().Any(r => r.Id == h.RecordId),
            [SearchDocuments.Person] = h => h.Type == SearchDocuments.Person && db.Set<Person>().Any(r => r.Id == h.RecordId),
            [SearchDocuments.Post] = h => h.Type == SearchDocuments.Post && db.Set<Post>().Any(r => r.Id == h.RecordId),
            [SearchDocuments.Mechanism] = h => h.Type == SearchDocuments.Mechanism && db.Set<Mechanism>().Any(r => r.Id == h.RecordId),
            [SearchDocuments.Engagement] = h => h.Type == SearchDocuments.Engagement && db.Set<Engagement>().Any(r => r.Id == h.RecordId),
            [SearchDocuments.Attachment] = h => h.Type == SearchDocuments.Attachment && db.Set<EngagementAttachment>().Any(r => r.Id == h.RecordId),
            [SearchDocuments.Commitment] = h => h.Type == SearchDocuments.Commitment && db.Set<Commitment>().Any(r => r.Id == h.RecordId),
            [SearchDocuments.Recommendation] = h => h.Type == SearchDocuments.Recommendation && db.Set<Recommendation>().Any(r => r.Id == h.RecordId),
            [SearchDocuments.Issue] = h => h.Type == SearchDocuments.Issue && db.Set<AgendaIssue>().Any(r => r.Id == h.RecordId),
            [SearchDocuments.Position] = h => h.Type == SearchDocuments.Position && db.Set<IssuePosition>().Any(r => r.Id == h.RecordId),
            [SearchDocuments.Alert] = h => h.Type == SearchDocuments.Alert && db.Set<Alert>().Any(r => r.Id == h.RecordId),
        };
        if (type is not null)
        {
            return hits.Where(rules[type]);
        }

        var parameter = Expression.Parameter(typeof(SearchHit), "h");
        var body = rules.Values
            .Select(rule => ReplacingExpressionVisitor.Replace(rule.Parameters[0], parameter, rule.Body))
            .Aggregate(Expression.OrElse);
        return hits.Where(Expression.Lambda<Func<SearchHit, bool>>(body, parameter));
    }
}
