using Puente.Core.Access;

namespace Puente.Data.Access;

/// <summary>Supplies the viewer of the current unit of work.</summary>
public interface IViewerAccessor
{
    Viewer Viewer { get; }
}

/// <summary>
/// The viewer of one DI scope. It starts anonymous (sees nothing); the web host sets it from the authenticated user
/// for each request, and the CLI and start-up work set it to <see cref="Viewer.System"/>.
/// </summary>
public sealed class ViewerContext : IViewerAccessor
{
    public Viewer Viewer { get; set; } = Viewer.Anonymous;

    public static ViewerContext ForSystem() => new() { Viewer = Viewer.System };
}
