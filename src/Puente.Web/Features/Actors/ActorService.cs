using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Text;

namespace Puente.Web.Features.Actors;

/// <summary>Actors for the pages and the API: the search, and the fields only actors have.</summary>
public sealed class ActorService(PuenteDbContext db, IStringLocalizer<SharedResource> t) : RecordService<Actor, ActorInput>(db, t)
{
    protected override IQueryable<Actor> Query => Db.Actors.Include(a => a.Track).Include(a => a.Parent);

    protected override IQueryable<Actor> ReadQuery => Db.Actors.AsNoTracking();

    /// <summary>
    /// Every field of the actor; of its track and parent (each still behind the access filter) only what the pages and
    /// the API show: 31 columns a row instead of 62. A field added to <see cref="Actor"/> is added here too
    /// (CatalogTests holds the two together).
    /// </summary>
    protected override IQueryable<Actor> Shape(IQueryable<Actor> records) => records.Select(a => new Actor
    {
        Id = a.Id,
        Code = a.Code,
        NameEn = a.NameEn,
        NameEs = a.NameEs,
        DescriptionEn = a.DescriptionEn,
        DescriptionEs = a.DescriptionEs,
        Section = a.Section,
        Confidentiality = a.Confidentiality,
        OwnerSide = a.OwnerSide,
        Version = a.Version,
        CreatedAt = a.CreatedAt,
        CreatedBy = a.CreatedBy,
        UpdatedAt = a.UpdatedAt,
        UpdatedBy = a.UpdatedBy,
        SeedHash = a.SeedHash,
        Type = a.Type,
        Country = a.Country,
        Level = a.Level,
        City = a.City,
        Region = a.Region,
        Website = a.Website,
        TrackId = a.TrackId,
        ParentId = a.ParentId,
        Track = a.Track == null ? null : new Track { Id = a.Track.Id, Code = a.Track.Code, NameEn = a.Track.NameEn, NameEs = a.Track.NameEs },
        Parent = a.Parent == null ? null : new Actor { Id = a.Parent.Id, Code = a.Parent.Code, NameEn = a.Parent.NameEn, NameEs = a.Parent.NameEs },
    });

    protected override async Task<Action<Actor>> ValidateAsync(ActorInput input, Actor? existing, FieldErrors errors, CancellationToken cancellationToken)
    {
        var city = RecordAccess.Text(input.City, "city", 100, errors, Text);
        var region = RecordAccess.Text(input.Region, "region", 100, errors, Text);
        var website = RecordAccess.Text(input.Website, "website", 300, errors, Text);
        if (website.Length > 0 && !WebAddress.IsValid(website))
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
