using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Puente.Web.Features.Agenda;

/// <summary>
/// The agenda: the readable issues in the paper's order — the early-crisis issues of section I, then the global issues of
/// section VI, then the rest — with each one's owner, latest convergence assessment and counts of readable positions
/// and playbooks.
/// </summary>
public sealed class IndexModel(AgendaService agenda) : PageModel
{
    public List<AgendaItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await agenda.ListAsync(ct);
}
