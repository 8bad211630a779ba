using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Localization;
using Puente.Core.Warning;
using Puente.Data.Warning;
using Puente.Web.Features.Notifications;

namespace Puente.Web.Features.Alerts;

/// <summary>The reader's alert notifications, described through the reader's access filter: an alert they may no longer
/// read (its indicator made private) is not shown.</summary>
public sealed class AlertNotificationSource(PuenteDbContext db, IStringLocalizer<SharedResource> t) : INotificationSource
{
    public string Kind => AlertAnnouncer.Kind;

    public async Task<IReadOnlyDictionary<Guid, (string Title, string Url)>> DescribeAsync(IReadOnlyCollection<Guid> recordIds, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        var found = await db.Set<Alert>().AsNoTracking().Where(a => recordIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Code, a.Severity, a.Indicator!.NameEn, a.Indicator.NameEs }).ToListAsync(ct);
        return found.ToDictionary(a => a.Id, a => (
            t["Alert {0} ({1}): {2}", a.Code, t["Severity." + a.Severity], Bilingual.Pick(a.NameEn, a.NameEs, culture)].Value,
            $"/Alerts/{a.Id}"));
    }
}
