using System.Globalization;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Puente.Core.Records;
using Puente.Data;
using Puente.Data.Identity;
using Puente.Web.Features.Actors;
using Puente.Web.Features.Catalog;
using Puente.Web.Features.Mechanisms;
using Puente.Web.Features.Records;
using Puente.Web.Hosting;

namespace Puente.Web.Api;

/// <summary>The API refresh request.</summary>
public sealed record RefreshRequest(string? RefreshToken);

/// <summary>The API login's request.</summary>
public sealed record LoginRequest(string? UserName, string? Password);

/// <summary>
/// The REST API under /api/v1. Bearer tokens only (no cookie, so no cross-site request forgery surface); every read
/// goes through the database context's access filter; lists are paged; errors are problem details.
/// </summary>
public static class ApiEndpoints
{
    public const int MaxPageSize = 200;

    public static void Map(WebApplication app)
    {
        var v1 = app.MapGroup("/api/v1");
        // Both answer {tokenType, accessToken, expiresIn (seconds), refreshToken}, written by the bearer token handler.
        v1.MapPost("/auth/login", LoginAsync).AllowAnonymous().WithName("Login").Produces<AccessTokenResponse>();
        v1.MapPost("/auth/refresh", RefreshAsync).AllowAnonymous().WithName("Refresh").Produces<AccessTokenResponse>();

        var api = v1.MapGroup("").RequireAuthorization(PuenteWeb.ApiPolicy);

        api.MapEventsApi();
        Features.Water.WaterApi.Map(api);

        api.MapGet("/tracks", async (PuenteDbContext db, int? page, int? pageSize, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            await ListAsync(db.Tracks.AsNoTracking().OrderBy(x => x.SortOrder), page, pageSize, x => TrackDto.From(x, Culture), t, ct));
        api.MapGet("/tracks/{id}", async (PuenteDbContext db, string id, CancellationToken ct) =>
            One(await RecordLookup.FindAsync(db.Tracks.AsNoTracking(), id, ct), x => TrackDto.From(x, Culture)));

        api.MapGet("/issues", async (PuenteDbContext db, int? page, int? pageSize, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            await ListAsync(db.AgendaIssues.AsNoTracking().OrderBy(x => x.Code), page, pageSize, x => IssueDto.From(x, Culture), t, ct));
        api.MapGet("/issues/{id}", async (PuenteDbContext db, string id, CancellationToken ct) =>
            One(await RecordLookup.FindAsync(db.AgendaIssues.AsNoTracking(), id, ct), x => IssueDto.From(x, Culture)));

        api.MapGet("/administrations", async (PuenteDbContext db, int? page, int? pageSize, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            await ListAsync(db.Administrations.AsNoTracking().OrderBy(x => x.Country).ThenBy(x => x.TermStart), page, pageSize, x => AdministrationDto.From(x, Culture), t, ct));
        api.MapGet("/administrations/{id}", async (PuenteDbContext db, string id, CancellationToken ct) =>
            One(await RecordLookup.FindAsync(db.Administrations.AsNoTracking(), id, ct), x => AdministrationDto.From(x, Culture)));

        api.MapGet("/recommendations", async (PuenteDbContext db, string? section, string? addressee, string? track, string? issue,
            int? page, int? pageSize, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            await ListAsync(RecommendationQuery.Filter(db, section, addressee, track, issue), page, pageSize, x => RecommendationDto.From(x, Culture), t, ct));
        api.MapGet("/recommendations/{id}", async (PuenteDbContext db, string id, CancellationToken ct) =>
            One(await RecordLookup.FindAsync(db.Recommendations.AsNoTracking().Include(r => r.Track), id, ct), x => RecommendationDto.From(x, Culture)));

        api.MapGet("/actors", async (ActorService actors, string? q, string? country, string? type, string? track, string? level,
            int? page, int? pageSize, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            if (PagingProblem(page, pageSize, t) is { } problem)
            {
                return problem;
            }

            var filter = new ActorFilter(q, country, type, track, level, page ?? 1, pageSize ?? 50);
            var (items, total) = await actors.SearchAsync(filter, ct);
            return Results.Ok(new Paged<ActorDto>([.. items.Select(a => ActorDto.From(a, Culture))], total, filter.Page, filter.PageSize));
        });
        api.MapGet("/actors/{id}", async (ActorService actors, string id, CancellationToken ct) =>
            One(await actors.FindAsync(id, track: false, ct), a => ActorDto.From(a, Culture)));
        api.MapGet("/actors/{id}/history", async (ActorService actors, PuenteDbContext db, string id, CancellationToken ct) =>
            await HistoryAsync(db, await actors.FindAsync(id, track: false, ct), ct));
        api.MapPost("/actors", async (ActorService actors, [FromBody] ActorInput input, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            var (actor, errors) = await actors.SaveAsync(input, null, ct);
            return actor is null
                ? Invalid(errors.ToDictionary(), t)
                : Results.Created($"/api/v1/actors/{actor.Id}", ActorDto.From(actor, Culture));
        }).RequireAuthorization(PuenteWeb.EditorsPolicy);
        api.MapPut("/actors/{id}", async (ActorService actors, string id, [FromBody] ActorInput input, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            var existing = await actors.FindAsync(id, track: true, ct);
            if (existing is null)
            {
                return NotFound();
            }

            var (actor, errors) = await actors.SaveAsync(input, existing, ct);
            return actor is null ? Invalid(errors.ToDictionary(), t) : Results.Ok(ActorDto.From(actor, Culture));
        }).RequireAuthorization(PuenteWeb.EditorsPolicy);

        api.MapGet("/mechanisms", async (MechanismService mechanisms, string? q, string? track, string? participant, string? cadence,
            int? page, int? pageSize, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            if (PagingProblem(page, pageSize, t) is { } problem)
            {
                return problem;
            }

            var filter = new MechanismFilter(q, track, participant, cadence, page ?? 1, pageSize ?? 50);
            var (items, total) = await mechanisms.SearchAsync(filter, ct);
            return Results.Ok(new Paged<MechanismDto>([.. items.Select(m => MechanismDto.From(m, Culture))], total, filter.Page, filter.PageSize));
        });
        api.MapGet("/mechanisms/{id}", async (MechanismService mechanisms, string id, CancellationToken ct) =>
            One(await mechanisms.FindAsync(id, track: false, ct), m => MechanismDto.From(m, Culture)));
        api.MapGet("/mechanisms/{id}/history", async (MechanismService mechanisms, PuenteDbContext db, string id, CancellationToken ct) =>
            await HistoryAsync(db, await mechanisms.FindAsync(id, track: false, ct), ct));
        api.MapPost("/mechanisms", async (MechanismService mechanisms, [FromBody] MechanismInput input, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            var (mechanism, errors) = await mechanisms.SaveAsync(input, null, ct);
            return mechanism is null
                ? Invalid(errors.ToDictionary(), t)
                : Results.Created($"/api/v1/mechanisms/{mechanism.Id}", MechanismDto.From(mechanism, Culture));
        }).RequireAuthorization(PuenteWeb.EditorsPolicy);
        api.MapPut("/mechanisms/{id}", async (MechanismService mechanisms, string id, [FromBody] MechanismInput input, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            var existing = await mechanisms.FindAsync(id, track: true, ct);
            if (existing is null)
            {
                return NotFound();
            }

            var (mechanism, errors) = await mechanisms.SaveAsync(input, existing, ct);
            return mechanism is null ? Invalid(errors.ToDictionary(), t) : Results.Ok(MechanismDto.From(mechanism, Culture));
        }).RequireAuthorization(PuenteWeb.EditorsPolicy);
    }

    private static CultureInfo Culture => CultureInfo.CurrentUICulture;

    private static async Task<IResult> LoginAsync([FromBody] LoginRequest request, SignInManager<PuenteUser> signIn,
        UserManager<PuenteUser> users, IStringLocalizer<SharedResource> t)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(request.UserName))
            {
                errors["userName"] = [t["Required."]];
            }

            if (string.IsNullOrEmpty(request.Password))
            {
                errors["password"] = [t["Required."]];
            }

            return Invalid(errors, t);
        }

        var user = await users.FindByNameAsync(request.UserName);
        if (user is { MustChangePassword: true })
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: t["Change the generated password in the web interface first."]);
        }

        // The bearer handler writes {tokenType, accessToken, expiresIn, refreshToken} itself.
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.UserName, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return Results.Empty;
        }

        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized,
            title: result.IsLockedOut ? t["The account is locked after repeated failed sign-ins. Try again later."] : t["Wrong user name or password."]);
    }

    /// <summary>Exchanges a refresh token for a new access token, if the account is still valid (unchanged security stamp).</summary>
    private static async Task<IResult> RefreshAsync([FromBody] RefreshRequest request, SignInManager<PuenteUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time)
    {
        var protector = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null : protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { MustChangePassword: false } user)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized);
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    internal static IResult? PagingProblem(int? page, int? pageSize, IStringLocalizer t)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
        {
            errors["page"] = [t["Pages start at 1."]];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [t["The page size is between 1 and {0}.", MaxPageSize]];
        }

        return errors.Count > 0 ? Invalid(errors, t) : null;
    }

    private static async Task<IResult> ListAsync<T, TDto>(IQueryable<T> query, int? page, int? pageSize, Func<T, TDto> map,
        IStringLocalizer t, CancellationToken ct)
    {
        if (PagingProblem(page, pageSize, t) is { } problem)
        {
            return problem;
        }

        var p = page ?? 1;
        var size = pageSize ?? 50;
        var total = await query.CountAsync(ct);
        var items = await query.Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return Results.Ok(new Paged<TDto>([.. items.Select(map)], total, p, size));
    }

    private static IResult One<T, TDto>(T? record, Func<T, TDto> map)
        where T : class => record is null ? NotFound() : Results.Ok(map(record));

    private static async Task<IResult> HistoryAsync(PuenteDbContext db, ContentRecord? record, CancellationToken ct)
    {
        if (record is null)
        {
            return NotFound();
        }

        var entries = await HistoryQuery.ForRecordAsync(db, record.Id, ct);
        return Results.Ok(entries);
    }

    /// <summary>404 with a localized title (see ProblemTitles).</summary>
    internal static IResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound);

    internal static IResult Invalid(IDictionary<string, string[]> errors, IStringLocalizer t) =>
        TypedResults.ValidationProblem(errors, title: t["The request has invalid fields."]);

}
