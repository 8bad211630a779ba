using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Text;

namespace Puente.Web.Features.Actors;

/// <summary>Actors for the pages and the API: the search, and the fields only actors have.</summary>
public sealed class ActorService(PuenteDbContext db, IStringLocalizer<SharedResource> t) : RecordService<Actor, ActorInput>(db, t)
{
    protected override IQueryable<Actor> Query => Db.Actors.Include(a => a.Track).Include(a => a.Parent);

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
        // A parent the editor cannot read loads as null and the form cannot show it: an edit that names no parent
        // keeps it rather than silently cutting a link the editor never saw.
        var keepHiddenParent = existing is { ParentId: not null, Parent: null } && string.IsNullOrWhiteSpace(input.ParentCode);
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
            if (!keepHiddenParent)
            {
                actor.Parent = parent;
                actor.ParentId = parent?.Id;
            }
            actor.City = city.Length == 0 ? null : city;
            actor.Region = region.Length == 0 ? null : region;
            actor.Website = website.Length == 0 ? null : website;
        };
    }
}
