using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Memory;

namespace Puente.Web.Features.Posts;

/// <summary>Editors add and remove a post's tenures and its counterpart links (each change audited by the service).</summary>
[Authorize(Policy = Policies.Editors)]
public sealed class TenuresModel(PostService posts, PuenteDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public TenureInput Tenure { get; set; } = new();

    [BindProperty]
    public CounterpartInput Counterpart { get; set; } = new();

    public Post Post { get; private set; } = null!;
    public List<TenureDto> Tenures { get; private set; } = [];

    /// <summary>Every readable link of the post, whatever its period, with the other post.</summary>
    public List<(PostCounterpart Link, Post Other)> Links { get; private set; } = [];

    public Core.Access.Side? Side => db.Viewer.Side;

    public string Error(string key) =>
        ModelState.TryGetValue(key, out var entry) ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Tenure.Confidentiality = nameof(Core.Access.Confidentiality.Shared);
        Tenure.OwnerSide = Side?.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAddTenureAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var (tenure, errors) = await posts.AddTenureAsync(Post, Tenure, ct);
        return tenure is null ? Invalid(errors, "Tenure") : Done();
    }

    public async Task<IActionResult> OnPostRemoveTenureAsync(string id, Guid tenureId, CancellationToken ct) =>
        await LoadAsync(id, ct) && await posts.RemoveTenureAsync(Post, tenureId, ct) ? Done() : NotFound();

    public async Task<IActionResult> OnPostAddCounterpartAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var (link, errors) = await posts.AddCounterpartAsync(Post, Counterpart, ct);
        return link is null ? Invalid(errors, "Counterpart") : Done();
    }

    public async Task<IActionResult> OnPostRemoveCounterpartAsync(string id, Guid linkId, CancellationToken ct) =>
        await LoadAsync(id, ct) && await posts.RemoveCounterpartAsync(Post, linkId, ct) ? Done() : NotFound();

    private PageResult Invalid(FieldErrors errors, string prefix)
    {
        errors.CopyTo(ModelState, prefix);
        return Page();
    }

    private RedirectResult Done()
    {
        TempData["Message"] = t["Saved."].Value;
        return Redirect($"/Posts/Tenures/{Post.Id}");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (await posts.FindAsync(id, track: false, ct) is not { } post)
        {
            return false;
        }

        Post = post;
        Tenures = await posts.TenuresOfPostAsync(post.Id, CultureInfo.CurrentUICulture, ct);
        var links = await db.Set<PostCounterpart>().AsNoTracking().Where(c => c.PostId == post.Id || c.CounterpartId == post.Id)
            .OrderBy(c => c.From).ToListAsync(ct);
        var otherIds = links.Select(c => c.PostId == post.Id ? c.CounterpartId : c.PostId).ToList();
        var others = await db.Set<Post>().AsNoTracking().Where(p => otherIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        Links = [.. links.Select(c => (c, others.GetValueOrDefault(c.PostId == post.Id ? c.CounterpartId : c.PostId)))
            .Where(x => x.Item2 is not null).Select(x => (x.c, x.Item2!))];
        return true;
    }
}
