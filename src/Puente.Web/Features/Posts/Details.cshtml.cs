using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Puente.Core.Memory;

namespace Puente.Web.Features.Posts;

/// <summary>A post: its actor and seniority, who held it on a day (today unless <c>?on=</c>), its counterparts that day, all its tenures.</summary>
public sealed class DetailsModel(PostService posts, PuenteDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : RecordDetailsModel<Post, PostInput>(posts, db)
{
    /// <summary>The day asked, YYYY-MM-DD; empty: today.</summary>
    [BindProperty(SupportsGet = true, Name = "on")]
    public string? On { get; set; }

    public DateOnly Day { get; private set; }
    public bool IsToday { get; private set; }
    public string? DayError { get; private set; }
    public HolderDto? Holder { get; private set; }
    public List<CounterpartItem> Counterparts { get; private set; } = [];
    public List<TenureDto> Tenures { get; private set; } = [];

    protected override async Task LoadAsync(Post record, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (day, problem) = PostsApi.Day(On, clock, t);
        if (problem is not null)
        {
            DayError = t["'{0}' is not a date (YYYY-MM-DD, 1900–2200).", On ?? ""];
            day = today;
        }

        Day = day;
        IsToday = day == today;
        Holder = await posts.HolderAsync(record.Id, day, ct);
        Counterparts = await posts.CounterpartsAsync(record.Id, day, CultureInfo.CurrentUICulture, ct);
        Tenures = await posts.TenuresOfPostAsync(record.Id, CultureInfo.CurrentUICulture, ct);
    }
}
