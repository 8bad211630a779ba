using Puente.Core.Memory;

namespace Puente.Web.Features.Posts;

[Authorize(Policy = Policies.Editors)]
public sealed class EditModel(PostService posts, PuenteDbContext db, IStringLocalizer<SharedResource> t)
    : RecordEditModel<Post, PostInput>(posts, db, t)
{
    protected override string ListPath => "/Posts";

    protected override PostInput NewInput() => new() { Seniority = nameof(Seniority.SeniorOfficial) };

    protected override PostInput InputFrom(Post record, IReadOnlyList<string> grants) => PostInput.From(record, grants);
}
