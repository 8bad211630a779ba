using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Puente.Core.Catalog;
using Puente.Core.Text;
using Puente.Data;
using Puente.Web.Features.Records;

namespace Puente.Web.Features.Actors;

/// <summary>Actors for the pages and the API: the search, and the fields only actors have.</summary>
public sealed class ActorService(PuenteDbContext db, IStringLocalizer<SharedResource> t) : RecordService<Actor, ActorInput>(db, t)
{
    protected override IQueryable<Actor> Query => Db.Actors.Include(a => a.Track).Include(a => a.Parent);

    public Task<(List<Actor> Items, int Total)> SearchAsync(ActorFilter filter, CancellationToken cancellationToken)
    {
        var query = Query.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = Search.LikePattern(filter.Q);
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

        return PageAsync(query.OrderBy(a => a.Country).ThenBy(a => a.Code), filter.Page, filter.PageSize, cancellationToken);
    }

    protected override async Task<Action<Actor>> ValidateAsync(ActorInput input, Actor? existing, FieldErrors errors, CancellationToken cancellationToken)
    {
        var city = RecordAccess.Text(input.City, "city", 100, errors, Text);
        var region = RecordAccess.Text(input.Region, "region", 100, errors, Text);
        var website = RecordAccess.Text(input.Website, "website", 300, errors, Text);
        if (website.Length > 0 && !(Uri.TryCreate(website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add("website", Text["A web address starts with http:// or https://."]);
        }

        if (!EnumText.TryParse<ActorType>(input.Type, out var type))
        {
            errors.Add("type", Text["Unknown type '{0}'.", input.Type ?? ""]);
        }

        if (!EnumText.TryParse<GovernmentLevel>(input.Level, out var level))
        {
            errors.Add("level", Text["Unknown level of government '{0}'.", input.Level ?? ""]);
        }

        var country = (input.Country ?? "").Trim().ToUpperInvariant();
        if (!Countries.ActorCountries.Contains(country))
        {
            errors.Add("country", Text["Unknown country '{0}'. Use one of {1}.", input.Country ?? "", string.Join(", ", Countries.ActorCountries)]);
        }

        var track = await RecordLookup.TrackAsync(Db, input.TrackCode, errors, Text, cancellationToken);
        Actor? parent = null;
        if (!string.IsNullOrWhiteSpace(input.ParentCode))
        {
            var parentCode = CatalogCode.Normalize(input.ParentCode);
            parent = await Db.Actors.FirstOrDefaultAsync(x => x.Code == parentCode, cancellationToken);
            if (parent is null || parent.Id == existing?.Id)
            {
                errors.Add("parentCode", Text["Unknown parent actor '{0}'.", input.ParentCode]);
            }
        }

        return actor =>
        {
            actor.Type = type;
            actor.Level = level;
            actor.Country = country;
            actor.Track = track;
            actor.TrackId = track?.Id;
            actor.Parent = parent;
            actor.ParentId = parent?.Id;
            actor.City = city.Length == 0 ? null : city;
            actor.Region = region.Length == 0 ? null : region;
            actor.Website = website.Length == 0 ? null : website;
        };
    }
}
