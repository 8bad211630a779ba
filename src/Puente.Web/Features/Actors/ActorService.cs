using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Puente.Core.Catalog;
using Puente.Data;
using Puente.Web.Features.Records;
using Puente.Core.Text;

namespace Puente.Web.Features.Actors;

/// <summary>Reads and writes actors for the pages and the API. Reads go through the context's access filter.</summary>
public sealed class ActorService(PuenteDbContext db, IStringLocalizer<SharedResource> t)
{
    public async Task<(List<Actor> Items, int Total)> SearchAsync(ActorFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Actors.AsNoTracking().Include(a => a.Track).Include(a => a.Parent).AsQueryable();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = "%" + Search.EscapeLike(filter.Q.Trim().ToLowerInvariant()) + "%";
#pragma warning disable CA1304, CA1311 // string.ToLower() here is translated to SQL lower(), not run in .NET
            query = query.Where(a => EF.Functions.Like(a.Code.ToLower(), pattern, "\\")
                || EF.Functions.Like(a.NameEn.ToLower(), pattern, "\\")
                || EF.Functions.Like(a.NameEs.ToLower(), pattern, "\\")
                || (a.City != null && EF.Functions.Like(a.City.ToLower(), pattern, "\\"))
                || (a.Region != null && EF.Functions.Like(a.Region.ToLower(), pattern, "\\")));
#pragma warning restore CA1304, CA1311
        }

        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var country = filter.Country.Trim().ToUpperInvariant();
            query = query.Where(a => a.Country == country);
        }

        if (EnumText.TryParse<ActorType>(filter.Type, out var type))
        {
            query = query.Where(a => a.Type == type);
        }

        if (EnumText.TryParse<GovernmentLevel>(filter.Level, out var level))
        {
            query = query.Where(a => a.Level == level);
        }

        if (!string.IsNullOrWhiteSpace(filter.Track))
        {
            var track = filter.Track.Trim().ToUpperInvariant();
            query = query.Where(a => a.Track != null && a.Track.Code == track);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(a => a.Country).ThenBy(a => a.Code)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>Finds a readable actor by id or code; null when none (or not readable, which looks the same).</summary>
    /// <summary>A readable actor by id or code; null when none (or not readable, which looks the same).</summary>
    public Task<Actor?> FindAsync(string idOrCode, bool track, CancellationToken cancellationToken) =>
        RecordLookup.FindAsync((track ? db.Actors : db.Actors.AsNoTracking()).Include(a => a.Track).Include(a => a.Parent), idOrCode, cancellationToken);

    /// <summary>Validates and saves; <paramref name="existing"/> null creates. Errors come back keyed by field.</summary>
    public async Task<(Actor? Actor, FieldErrors Errors)> SaveAsync(ActorInput input, Actor? existing, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var code = await RecordLookup.CodeAsync(db.Actors, input.Code, existing?.Id, errors, t, cancellationToken);
        var (nameEn, nameEs, descriptionEn, descriptionEs) = RecordLookup.Names(input.NameEn, input.NameEs, input.DescriptionEn, input.DescriptionEs, errors, t);
        var city = RecordAccess.Text(input.City, "city", 100, errors, t);
        var region = RecordAccess.Text(input.Region, "region", 100, errors, t);
        var website = RecordAccess.Text(input.Website, "website", 300, errors, t);
        if (website.Length > 0 && !(Uri.TryCreate(website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add("website", t["A web address starts with http:// or https://."]);
        }

        if (!EnumText.TryParse<ActorType>(input.Type, out var type))
        {
            errors.Add("type", t["Unknown type '{0}'.", input.Type ?? ""]);
        }

        if (!EnumText.TryParse<GovernmentLevel>(input.Level, out var level))
        {
            errors.Add("level", t["Unknown level of government '{0}'.", input.Level ?? ""]);
        }

        var country = (input.Country ?? "").Trim().ToUpperInvariant();
        if (!Countries.ActorCountries.Contains(country))
        {
            errors.Add("country", t["Unknown country '{0}'. Use one of {1}.", input.Country ?? "", string.Join(", ", Countries.ActorCountries)]);
        }

        var trackRecord = await RecordLookup.TrackAsync(db, input.TrackCode, errors, t, cancellationToken);

        Actor? parent = null;
        if (!string.IsNullOrWhiteSpace(input.ParentCode))
        {
            var parentCode = CatalogCode.Normalize(input.ParentCode);
            parent = await db.Actors.FirstOrDefaultAsync(x => x.Code == parentCode, cancellationToken);
            if (parent is null || parent.Id == existing?.Id)
            {
                errors.Add("parentCode", t["Unknown parent actor '{0}'.", input.ParentCode]);
            }
        }

        var access = await RecordAccess.ValidateAsync(input.Access, db, db.Viewer, errors, t, cancellationToken);
        if (existing is not null && input.Version is null)
        {
            errors.Add("version", t["Give the version your edit is based on."]);
        }

        if (errors.Any || access is null)
        {
            return (null, errors);
        }

        var actor = RecordLookup.AddOrHoldVersion(db, existing, input.Version, () => new Actor());
        actor.Code = code;
        actor.NameEn = nameEn;
        actor.NameEs = nameEs;
        actor.DescriptionEn = descriptionEn;
        actor.DescriptionEs = descriptionEs;
        actor.Type = type;
        actor.Level = level;
        actor.Country = country;
        actor.Track = trackRecord;
        actor.TrackId = trackRecord?.Id;
        actor.Parent = parent;
        actor.ParentId = parent?.Id;
        actor.City = city.Length == 0 ? null : city;
        actor.Region = region.Length == 0 ? null : region;
        actor.Website = website.Length == 0 ? null : website;
        await RecordAccess.ApplyAsync(db, actor, access, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (actor, errors);
    }
}
