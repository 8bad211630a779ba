using Puente.Core.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Memory;

namespace Puente.Web.Features.Engagements;

/// <summary>
/// Creates or edits an engagement with its participants (repeatable rows). The participant picker
/// (wwwroot/js/participants.js) asks <see cref="OnGetSuggestAsync"/> for readable people and posts as the editor types;
/// without script the code fields are typed by hand.
/// </summary>
[Authorize(Policy = Policies.Editors)]
public sealed class EditModel(EngagementService engagements, PuenteDbContext db, IStringLocalizer<SharedResource> t)
    : RecordEditModel<Engagement, EngagementInput>(engagements, db, t)
{
    /// <summary>Blank participant rows offered below the stored ones (the script adds more).</summary>
    public const int BlankParticipants = 2;

    public const int MaxSuggestions = 10;

    [BindProperty]
    public string? SourcesText { get; set; }

    public List<Mechanism> Mechanisms { get; private set; } = [];
    public List<AgendaIssue> Issues { get; private set; } = [];

    protected override string ListPath => "/Engagements";

    protected override EngagementInput NewInput() => new()
    {
        Kind = nameof(EngagementKind.MinisterialMeeting), TimeZone = "America/Mexico_City", Certainty = nameof(Certainty.Unrated), Participants = [],
    };

    protected override EngagementInput InputFrom(Engagement record, IReadOnlyList<string> grants) => EngagementInput.From(record, grants);

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        Mechanisms = await Db.Mechanisms.AsNoTracking().OrderBy(m => m.Code).ToListAsync(ct);
        Issues = await Db.AgendaIssues.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
    }

    protected override async Task AfterLoadAsync(Engagement? record, CancellationToken ct)
    {
        SourcesText = string.Join('\n', Input.Sources ?? []);
        if (record is not null)
        {
            // EngagementInput.From reads the participants from the record; the page loads them untracked here.
            var parts = await Db.Set<Participant>().AsNoTracking().Include(p => p.Person).Include(p => p.Post)
                .Where(p => p.ParentId == record.Id).OrderBy(p => p.SortOrder).ToListAsync(ct);
            // Participants naming a person or post this editor cannot read are not on the form; saving keeps them.
            Input.Participants = [.. parts.Where(p => !EngagementService.Hidden(p)).Select(p => new ParticipantInput
            {
                Person = p.Person?.Code, Post = p.Post?.Code, Side = p.Country, Seniority = p.Seniority?.ToString(), Lead = p.Lead, Role = p.Role, RoleEs = p.RoleEs,
            })];
        }
    }

    protected override void BeforeSave()
    {
        Input.Sources = [.. (SourcesText ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        Input.Tracks ??= [];
        Input.Issues ??= [];
        // A blank row is no participant; a form always states the whole list (an emptied list removes them all).
        Input.Participants = [.. (Input.Participants ?? []).Where(p =>
            !string.IsNullOrWhiteSpace(p.Person) || !string.IsNullOrWhiteSpace(p.Post) || !string.IsNullOrWhiteSpace(p.Seniority))];
    }

    protected override Task<(Engagement? Record, FieldErrors Errors)> SaveAsync(EngagementInput input, Engagement? existing, CancellationToken ct) =>
        engagements.SaveEngagementAsync(input, existing, ct);

    /// <summary>
    /// <c>?handler=Suggest&amp;q=</c>: at most <see cref="MaxSuggestions"/> people and posts whose code or name contains the
    /// text, as the editor may read them (the context's access filter applies as on every read).
    /// </summary>
    public async Task<JsonResult> OnGetSuggestAsync(string? q, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2 || q.Length > 100)
        {
            return new JsonResult(Array.Empty<Suggestion>());
        }

        var pattern = Search.LikePattern(q);
#pragma warning disable CA1304, CA1311 // string.ToLower() here is translated to SQL lower(), not run in .NET
        var people = await Db.Set<Person>().AsNoTracking()
            .Where(p => EF.Functions.Like(p.Code.ToLower(), pattern, "\\") || EF.Functions.Like(p.NameEn.ToLower(), pattern, "\\"))
            .OrderBy(p => p.NameEn).Take(MaxSuggestions).ToListAsync(ct);
        var posts = await Db.Set<Post>().AsNoTracking()
            .Where(p => EF.Functions.Like(p.Code.ToLower(), pattern, "\\") || EF.Functions.Like(p.NameEn.ToLower(), pattern, "\\")
                || EF.Functions.Like(p.NameEs.ToLower(), pattern, "\\"))
            .OrderBy(p => p.Seniority).ThenBy(p => p.Code).Take(MaxSuggestions).ToListAsync(ct);
#pragma warning restore CA1304, CA1311
        var suggestions = people.Select(p => new Suggestion("person", p.Code, p.NameEn, p.Honorific))
            .Concat(posts.Select(p => new Suggestion("post", p.Code, Bilingual.Pick(p.NameEn, p.NameEs, System.Globalization.CultureInfo.CurrentUICulture), p.Country)))
            .Take(MaxSuggestions);
        return new JsonResult(suggestions);
    }

    /// <summary>One person or post the picker offers: its kind ("person" or "post"), code, name and a detail (honorific or country).</summary>
    public sealed record Suggestion(string Type, string Code, string Name, string Detail);
}
