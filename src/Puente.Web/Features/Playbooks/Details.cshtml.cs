using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Localization;
using Puente.Core.Warning;

namespace Puente.Web.Features.Playbooks;

/// <summary>One playbook: when it applies, what to activate, the owner post and who holds it today, and the steps as a
/// numbered list in the reader's language.</summary>
public sealed class DetailsModel(PlaybookService playbooks, PuenteDbContext db) : RecordDetailsModel<Playbook, PlaybookInput>(playbooks, db)
{
    public PlaybookDto View { get; private set; } = null!;

    /// <summary>The issue's name in the reader's language; null when the playbook names none.</summary>
    public string? IssueName { get; private set; }

    public DateOnly Today => playbooks.Today;

    protected override async Task LoadAsync(Playbook record, CancellationToken ct)
    {
        View = await playbooks.DetailsAsync(record, CultureInfo.CurrentUICulture, ct);
        if (record.IssueCode is { } code)
        {
            IssueName = await Db.AgendaIssues.AsNoTracking().Where(i => i.Code == code)
                .Select(i => Bilingual.Pick(i.NameEn, i.NameEs, CultureInfo.CurrentUICulture)).FirstOrDefaultAsync(ct) ?? code;
        }
    }
}
