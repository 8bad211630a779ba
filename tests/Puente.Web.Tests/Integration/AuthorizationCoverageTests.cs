using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Puente.Web.Features;
using Puente.Web.Features.Account;
using Puente.Web.Hosting;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// Authorization is declared where it applies; these checks enumerate every endpoint and every page of the running
/// host so that a new feature cannot forget it: a handler that writes (POST, PUT, PATCH, DELETE; a page's OnPost…)
/// must require a writing policy, and every API route a signed-in user. The last test shows the checks catch a
/// deliberately unprotected endpoint and page.
/// </summary>
public sealed class AuthorizationCoverageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] WritingMethods = ["POST", "PUT", "PATCH", "DELETE"];

    /// <summary>Writing handlers open by design: they act on the caller's own session, not on records.</summary>
    private static readonly HashSet<string> SelfServiceEndpoints = ["POST /api/v1/auth/login", "POST /api/v1/auth/refresh"];

    /// <summary>Writing handlers for any signed-in user: they change only the caller's own notifications (read or not),
    /// never a record, and a Viewer must be able to use them.</summary>
    private static readonly HashSet<string> OwnNotificationEndpoints = ["POST /api/v1/notifications/{id:guid}/read", "POST /api/v1/notifications/read"];

    /// <summary>Writing handlers for any signed-in user: they change only the caller's own follows and calendar feed
    /// (docs/decisions/0053-calendar-feeds.md), never a record.</summary>
    private static readonly HashSet<string> OwnCalendarEndpoints =
        ["POST /api/v1/follows/", "DELETE /api/v1/follows/{type}/{id:guid}", "POST /api/v1/calendar/renew", "DELETE /api/v1/calendar/"];

    /// <summary>Pages whose OnPost writes nothing of the records: sign-in and out, one's own password, the language
    /// cookie, one's own notifications read, and the error page (it renders the error of any request, POSTs included).</summary>
    private static readonly HashSet<Type> SelfServicePages =
        [typeof(LoginModel), typeof(LogoutModel), typeof(ChangePasswordModel), typeof(CultureModel), typeof(ErrorModel),
         typeof(Features.Notifications.IndexModel), typeof(Features.Calendar.IndexModel)];

    [Fact]
    public void Every_endpoint_that_writes_requires_a_writing_policy()
    {
        var endpoints = HostEndpoints();
        var writers = endpoints.Where(e => Methods(e).Intersect(WritingMethods).Any()).ToList();
        Assert.True(writers.Count >= 8, $"only {writers.Count} writing endpoints found: is the enumeration broken?");
        Assert.Empty(UnprotectedWriters(endpoints).Except(SelfServiceEndpoints).Except(OwnNotificationEndpoints).Except(OwnCalendarEndpoints));
    }

    [Fact]
    public void Every_api_route_requires_a_signed_in_user_except_sign_in()
    {
        var open = HostEndpoints().OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true && !RequiresUser(e))
            .SelectMany(e => Methods(e).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToList();
        Assert.Equal(SelfServiceEndpoints.Order(StringComparer.Ordinal), open.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_page_that_posts_requires_a_writing_policy()
    {
        var pages = typeof(Program).Assembly.GetTypes().Where(t => t.IsAssignableTo(typeof(PageModel)) && !t.IsAbstract).ToList();
        Assert.Contains(typeof(Features.Actors.EditModel), PostingPages(pages));
        Assert.Contains(typeof(Features.Water.RecordModel), PostingPages(pages));
        Assert.Empty(UnprotectedPages(pages).Except(SelfServicePages));
    }

    [Fact]
    public void The_checks_find_a_writing_endpoint_and_a_page_left_without_a_policy()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddAuthorization();
        var web = builder.Build();
        web.MapPost("/fake/records", () => TypedResults.Ok());
        web.MapDelete("/fake/records/{id}", (string id) => TypedResults.Ok(id)).RequireAuthorization(Policies.Api); // signed in is not enough
        web.MapPut("/fake/records/{id}", (string id) => TypedResults.Ok(id)).RequireAuthorization(Policies.Editors);
        web.MapGet("/fake/records", () => TypedResults.Ok());
        var endpoints = ((IEndpointRouteBuilder)web).DataSources.SelectMany(d => d.Endpoints).ToList();

        Assert.Equal(["DELETE /fake/records/{id}", "POST /fake/records"], UnprotectedWriters(endpoints).Order(StringComparer.Ordinal));
        Assert.Equal([typeof(FakeUnprotectedPage)], UnprotectedPages([typeof(FakeUnprotectedPage), typeof(FakeProtectedPage), typeof(FakeReadingPage)]));
    }

    [Fact]
    public async Task Every_api_operation_documents_its_response_schema()
    {
        using var client = app.Anonymous();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var missing = new List<string>();
        var operations = 0;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                operations++;
                // 204 No Content is documented by its status alone: it has no body to describe.
                var success = operation.Value.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
                if (success.Count > 0 && success.All(r => r.Name == "204"))
                {
                    continue;
                }

                success = [.. success.Where(r => r.Name != "204")];
                if (success.Count == 0 || success.Any(r => !r.Value.TryGetProperty("content", out var content)
                        || !content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out var schema) && schema.EnumerateObject().Any())))
                {
                    missing.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
                }
            }
        }

        Assert.True(operations >= 30, $"only {operations} operations in the document");
        Assert.Empty(missing);
    }

    private List<Endpoint> HostEndpoints() => [.. app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints];

    private static IEnumerable<string> Methods(Endpoint e) => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];

    private static bool RequiresUser(Endpoint e) =>
        e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any();

    /// <summary>"METHOD pattern" of each endpoint that writes without requiring a writing policy.</summary>
    private static IEnumerable<string> UnprotectedWriters(IEnumerable<Endpoint> endpoints) =>
        endpoints.OfType<RouteEndpoint>()
            .Where(e => !(RequiresUser(e) && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is { } p && Policies.Writing.Contains(p))))
            .SelectMany(e => Methods(e).Intersect(WritingMethods).Select(m => $"{m} {e.RoutePattern.RawText}"));

    private static IEnumerable<Type> PostingPages(IEnumerable<Type> pages) =>
        pages.Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Any(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal) || m.Name.StartsWith("OnPut", StringComparison.Ordinal)
                || m.Name.StartsWith("OnDelete", StringComparison.Ordinal)));

    private static IEnumerable<Type> UnprotectedPages(IEnumerable<Type> pages) =>
        PostingPages(pages).Where(t => t.GetCustomAttribute<AllowAnonymousAttribute>(inherit: true) is not null
            || !t.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Any(a => a.Policy is { } p && Policies.Writing.Contains(p)));

    private sealed class FakeUnprotectedPage : PageModel
    {
        public PageResult OnPost() => Page();
    }

    [Authorize(Policy = Policies.Editors)]
    private sealed class FakeProtectedPage : PageModel
    {
        public PageResult OnPostDelete() => Page();
    }

    private sealed class FakeReadingPage : PageModel
    {
        public PageResult OnGet() => Page();
    }
}
