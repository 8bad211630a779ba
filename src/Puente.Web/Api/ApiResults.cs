using Microsoft.AspNetCore.Http.HttpResults;

namespace Puente.Web.Api;

/// <summary>A page of a list: the items and how many there are in all.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>A whole (unpaged, bounded) list: the items and their count.</summary>
public sealed record ItemList<T>(IReadOnlyList<T> Items, int Total);

/// <summary>The results every feature's endpoints share: invalid input, not found, paging.</summary>
public static class ApiResults
{
    public const int MaxPageSize = 200;
    public const int DefaultPageSize = 50;

    /// <summary>The last page anyone may ask for: (page − 1) × page size stays far inside the range of an int offset.</summary>
    public const int MaxPage = 100_000;

    /// <summary>400 naming the fields, with a localized title.</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors, IStringLocalizer t) =>
        TypedResults.ValidationProblem(errors, title: t["The request has invalid fields."]);

    /// <summary>400 for one field.</summary>
    public static ValidationProblem Invalid(string field, string message, IStringLocalizer t) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] }, t);

    /// <summary>404 with a localized title (see ProblemTitles); unreadable records look the same.</summary>
    public static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound);

    /// <summary>503 with a title the caller localized.</summary>
    public static ProblemHttpResult Unavailable(string title) => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: title);

    /// <summary>The paging parameters' problems, or null when they are fine.</summary>
    public static ValidationProblem? PagingProblem(int? page, int? pageSize, IStringLocalizer t)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
        {
            errors["page"] = [t["Pages start at 1."]];
        }
        else if (page is > MaxPage)
        {
            errors["page"] = [t["Pages go up to {0}.", MaxPage]];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [t["The page size is between 1 and {0}.", MaxPageSize]];
        }

        return errors.Count > 0 ? Invalid(errors, t) : null;
    }
}
