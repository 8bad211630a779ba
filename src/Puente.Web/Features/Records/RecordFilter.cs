using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Records;

namespace Puente.Web.Features.Records;

/// <summary>
/// The filters of a record type's list, as the list page and the API bind them from the query string, and how they
/// narrow the readable records: a text search (<c>q</c>) over code and names, which a type may widen, then the type's
/// own filters and order. The page number and size are validated by the caller.
/// </summary>
public abstract class RecordFilter<T>
    where T : BilingualRecord
{
    /// <summary>Text to find, case-insensitively, anywhere in the code or a name (wildcards are taken literally).</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    /// <summary>1-based.</summary>
    [FromQuery(Name = "page")]
    public int? Page { get; set; }

    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; set; }

    /// <summary>The readable records that match, in list order.</summary>
    public IQueryable<T> Apply(IQueryable<T> records) =>
        Narrow(string.IsNullOrWhiteSpace(Q) ? records : records.Where(TextMatch(Search.LikePattern(Q))));

    /// <summary>The type's own filters and its list order.</summary>
    protected abstract IQueryable<T> Narrow(IQueryable<T> records);

    /// <summary>Records whose code or either name contains <paramref name="pattern"/> (a lower-cased LIKE pattern).</summary>
#pragma warning disable CA1304, CA1311 // string.ToLower() here is translated to SQL lower(), not run in .NET
    protected virtual Expression<Func<T, bool>> TextMatch(string pattern) => r =>
        EF.Functions.Like(r.Code.ToLower(), pattern, "\\")
        || EF.Functions.Like(r.NameEn.ToLower(), pattern, "\\")
        || EF.Functions.Like(r.NameEs.ToLower(), pattern, "\\");
#pragma warning restore CA1304, CA1311

    /// <summary>A code-like filter value (trimmed, upper case), or null when empty.</summary>
    protected static string? CodeOf(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();
}
