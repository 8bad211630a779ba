using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Commitments;
using Puente.Core.Localization;
using Puente.Core.Text;

namespace Puente.Web.Features.Commitments;

/// <summary>One commitment: its wording as each side agreed it, the owner posts and who held them on the day, where it
/// was made, its status history with evidence, and (for Editors) the form to record a change.</summary>
public sealed class DetailsModel(CommitmentService commitments, PuenteDbContext db) : RecordDetailsModel<Commitment, CommitmentInput>(commitments, db)
{
    public CommitmentDto View { get; private set; } = null!;

    /// <summary>The day the owners' holders and the status are shown for (<c>?on=</c>, default today).</summary>
    public DateOnly Day { get; private set; }

    /// <summary>Today (UTC) as YYYY-MM-DD, the status form's default date.</summary>
    public string Today => commitments.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Issue and recommendation names by code.</summary>
    public Dictionary<string, string> Names { get; private set; } = [];

    protected override async Task LoadAsync(Commitment record, CancellationToken ct)
    {
        Day = IsoDate.TryParse(Request.Query["on"], out var on) ? on : commitments.Today;
        View = await commitments.DetailsAsync(record, Day, CultureInfo.CurrentUICulture, Request.PathBase, ct);
        var issues = View.Issues;
        foreach (var x in await Db.AgendaIssues.AsNoTracking().Where(x => issues.Contains(x.Code)).ToListAsync(ct))
        {
            Names[x.Code] = Bilingual.Pick(x.NameEn, x.NameEs, CultureInfo.CurrentUICulture);
        }
    }

    public string NameOf(string code) => Names.GetValueOrDefault(code, code);
}
