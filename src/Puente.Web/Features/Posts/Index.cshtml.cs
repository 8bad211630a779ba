using Puente.Core.Memory;

namespace Puente.Web.Features.Posts;

public sealed class IndexModel(PostService posts, PuenteDbContext db) : RecordIndexModel<Post, PostInput, PostFilter>(posts, db);
