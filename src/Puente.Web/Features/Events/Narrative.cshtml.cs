using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Data.Configuration;
using Puente.Events;
using Puente.Events.Narrative;
using Puente.Events.Store;

namespace Puente.Web.Features.Events;

/// <summary>Section IV of the paper: how U.S. outlets frame Mexico and Mexican outlets frame the United States.</summary>
public sealed class NarrativeModel(EventQueries queries, PuenteSettings settings) : PageModel
{
    public FrameMap? Frames { get; private set; }
    public string? FramesError { get; private set; }
    public IReadOnlyList<NarrativeRow> Rows { get; private set; } = [];

    /// <summary>The store was written by an earlier version of Puente (decision 0011).</summary>
    public bool StoreOutdated { get; private set; }

    /// <summary>An ingest holds the store (decision 0012): the page says so instead of waiting.</summary>
    public bool StoreBusy { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Frames = FrameMap.Load(settings.DataDirectory);
        }
        catch (InvalidDataException ex)
        {
            FramesError = ex.Message;
            return;
        }

        try
        {
            Rows = await queries.NarrativeAsync(Frames, cancellationToken);
        }
        catch (EventStoreFormatException)
        {
            StoreOutdated = true;
        }
        catch (EventStoreBusyException)
        {
            StoreBusy = true;
        }
    }
}
