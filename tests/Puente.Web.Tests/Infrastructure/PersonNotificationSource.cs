using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Memory;
using Puente.Web.Features.Notifications;

namespace Puente.Web.Tests.Infrastructure;

/// <summary>A notification kind for tests only: notifications about people, described through the reader's access as a
/// real kind (commitments) will be.</summary>
public sealed class PersonNotificationSource(Data.PuenteDbContext db) : INotificationSource
{
    public const string KindName = "test-person";

    public string Kind => KindName;

    public async Task<IReadOnlyDictionary<Guid, (string Title, string Url)>> DescribeAsync(IReadOnlyCollection<Guid> recordIds, CancellationToken ct)
    {
        var spanish = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es";
        var people = await db.Set<Person>().AsNoTracking().Where(p => recordIds.Contains(p.Id))
            .Select(p => new { p.Id, p.NameEn, p.NameEs }).ToListAsync(ct);
        return people.ToDictionary(p => p.Id, p => (spanish ? p.NameEs : p.NameEn, $"/People/Details/{p.Id}"));
    }
}
