using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Data.Configuration;
using Puente.Events.Narrative;
using Puente.Events.Store;

namespace Puente.Web.Features.Events;

/// <summary>Section IV of the paper: how U.S. outlets frame Mexico and Mexican outlets frame the United States.</summary>
public sealed class NarrativeModel(EventData data, PuenteSettings settings) : PageModel
{
    public FrameMap? Frames { get; private set; }
    public string? FramesError { get; private set; }
    public IReadOnlyList<NarrativeRow> Rows { get; private set; } = [];

    public void OnGet()
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
            Rows = data.Read(c => NarrativeMeasures.Monthly(c, Frames), []);
        }
        catch (EventStoreFormatException)
        {
            StoreOutdated = true;
        }
    }

    /// <summary>The store was written by an earlier version of Puente (decision 0011).</summary>
    public bool StoreOutdated { get; private set; }
}
