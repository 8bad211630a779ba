using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Core.Records;

namespace Puente.Web.Features.Records;

/// <summary>The details page of a bilingual record type: the record as the viewer may read it, who can read it, and its history.</summary>
public abstract class RecordDetailsModel<T, TInput>(RecordService<T, TInput> records, PuenteDbContext db) : PageModel
    where T : BilingualRecord, new()
    where TInput : RecordInput
{
    /// <summary>The context, as the type's page reads what it shows beside the record.</summary>
    protected PuenteDbContext Db => db;

    public T Record { get; private set; } = null!;
    public List<HistoryDto> History { get; private set; } = [];
    public List<string> Grants { get; private set; } = [];

    /// <summary>Shows the edit button; the edit page itself is authorized by policy.</summary>
    public bool CanEdit => Policies.AllowsWriting(User);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var record = await records.FindAsync(id, track: false, ct);
        if (record is null)
        {
            return NotFound();
        }

        Record = record;
        History = await LoadHistoryAsync(record, ct);
        Grants = await RecordAccess.DescribeGrantsAsync(db, record.Id, ct);
        await LoadAsync(record, ct);
        return Page();
    }

    /// <summary>The record's history as its page shows it: by default every audit entry of the record and its parts.</summary>
    protected virtual Task<List<HistoryDto>> LoadHistoryAsync(T record, CancellationToken ct) => HistoryQuery.ForRecordAsync(db, record.Id, ct);

    /// <summary>What a type's page shows beside the record (its parts, related records), loaded after it.</summary>
    protected virtual Task LoadAsync(T record, CancellationToken ct) => Task.CompletedTask;
}
