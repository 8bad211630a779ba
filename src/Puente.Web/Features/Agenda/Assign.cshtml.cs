using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Memory;

namespace Puente.Web.Features.Agenda;

/// <summary>Assigns an issue's owner post and the mechanisms that carry it (one audited save).</summary>
[Authorize(Policy = Policies.Editors)]
public sealed class AssignModel(AgendaService agenda, PuenteDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>The owner post's code; empty: none.</summary>
    [BindProperty]
    public string? Post { get; set; }

    /// <summary>Mechanism codes separated by commas.</summary>
    [BindProperty]
    public string? MechanismsText { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    public AgendaIssue Issue { get; private set; } = null!;
    public List<Mechanism> Mechanisms { get; private set; } = [];
    public List<Post> Posts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await agenda.FindAsync(code, track: false, ct) is not { } issue)
        {
            return NotFound();
        }

        Issue = issue;
        Post = issue.OwnerPost?.Code;
        var readable = await db.Mechanisms.AsNoTracking().Select(m => m.Code).ToListAsync(ct);
        MechanismsText = string.Join(", ", Engagement.SplitCodes(issue.MechanismCodes).Where(readable.Contains));
        Version = issue.Version;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await agenda.FindAsync(code, track: true, ct) is not { } issue)
        {
            return NotFound();
        }

        Issue = issue;
        await LoadChoicesAsync(ct);
        try
        {
            var errors = await agenda.AssignAsync(issue, new OwnerInput(Post, Version), new MechanismsInput(RecordFormModel.SplitList(MechanismsText), Version), ct);
            if (!errors.Any)
            {
                TempData["Message"] = t["Saved."].Value;
                return Redirect($"/Issues/{issue.Code}");
            }

            foreach (var (field, messages) in errors.ToDictionary())
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field == "post" ? nameof(Post) : nameof(MechanismsText), message);
                }
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", t["The record was changed by someone else. Reload it and apply your change again."]);
        }

        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Mechanisms = await db.Mechanisms.AsNoTracking().OrderBy(m => m.Code).ToListAsync(ct);
        Posts = await db.Set<Post>().AsNoTracking().OrderBy(p => p.Code).Take(2000).ToListAsync(ct);
    }

    public string Error(string key) =>
        ModelState.TryGetValue(key, out var entry) ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : "";
}
