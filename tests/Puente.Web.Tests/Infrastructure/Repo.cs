namespace Puente.Web.Tests.Infrastructure;

/// <summary>Paths in the repository and in ../shared, found from the test's working directory.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.Combine(Root, "..", "shared");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Puente.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (Puente.slnx).");
    }
}
