using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Localization;
using Puente.Core.Warning;

namespace Puente.Web.Features.Crises;

/// <summary>One marked crisis: its days, its agenda issue, its description and history.</summary>
public sealed class DetailsModel(CrisisService crises, PuenteDbContext db) : RecordDetailsModel<MarkedCrisis, CrisisInput>(crises, db)
{
    public string? IssueName { get; private set; }

    protected override async Task LoadAsync(MarkedCrisis record, CancellationToken ct)
    {
        if (record.IssueCode is { } code)
        {
            IssueName = await Db.AgendaIssues.AsNoTracking().Where(i => i.Code == code)
                .Select(i => Bilingual.Pick(i.NameEn, i.NameEs, CultureInfo.CurrentUICulture)).FirstOrDefaultAsync(ct) ?? code;
        }
    }
}
