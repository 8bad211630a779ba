using Puente.Core.Localization;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Memory;

namespace Puente.Web.Features.Engagements;

/// <summary>One engagement: when (the place's zone and the reader's), where, who (each person's post that day), what came of it.</summary>
public sealed class DetailsModel(EngagementService engagements, PuenteDbContext db) : RecordDetailsModel<Engagement, EngagementInput>(engagements, db)
{
    public List<ParticipantDto> Participants { get; private set; } = [];
    public List<AttachmentDto> Attachments { get; private set; } = [];
    public ReaderTimeZone Reader { get; private set; } = ReaderTimeZone.Utc;

    /// <summary>The readable commitments made at this engagement.</summary>
    public List<Core.Commitments.Commitment> Commitments { get; private set; } = [];

    /// <summary>Track and issue names by code (codes without a readable name are shown as codes).</summary>
    public Dictionary<string, string> Names { get; private set; } = [];

    protected override async Task LoadAsync(Engagement record, CancellationToken ct)
    {
        Reader = ReaderTimeZone.From(Request);
        Participants = await engagements.ParticipantsAsync(record, CultureInfo.CurrentUICulture, ct);
        Attachments = await engagements.AttachmentsAsync(record, Request.PathBase, ct);
        Commitments = await Db.Set<Core.Commitments.Commitment>().AsNoTracking().Where(c => c.EngagementId == record.Id)
            .OrderBy(c => c.Due == null).ThenBy(c => c.Due).ThenBy(c => c.Code).Take(200).ToListAsync(ct);
        var tracks = Engagement.SplitCodes(record.TrackCodes);
        var issues = Engagement.SplitCodes(record.IssueCodes);
        foreach (var x in await Db.Tracks.AsNoTracking().Where(x => tracks.Contains(x.Code)).ToListAsync(ct))
        {
            Names[x.Code] = Bilingual.Pick(x.NameEn, x.NameEs, CultureInfo.CurrentUICulture);
        }

        foreach (var x in await Db.AgendaIssues.AsNoTracking().Where(x => issues.Contains(x.Code)).ToListAsync(ct))
        {
            Names[x.Code] = Bilingual.Pick(x.NameEn, x.NameEs, CultureInfo.CurrentUICulture);
        }
    }

    public string NameOf(string code) => Names.GetValueOrDefault(code, code);
}
