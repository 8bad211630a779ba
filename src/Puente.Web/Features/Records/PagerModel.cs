namespace Puente.Web.Features.Records;

/// <summary>Paging links that keep the page's other query parameters.</summary>
public sealed record PagerModel(int Page, int PageSize, int Total, HttpRequest Request)
{
    public string Url(int page)
    {
        var query = Request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))).ToList();
        query.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Request.Path + QueryString.Create(query).ToUriComponent();
    }

}
