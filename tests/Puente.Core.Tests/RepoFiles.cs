namespace Puente.Core.Tests;

/// <summary>Finds the repository (the folder holding Puente.slnx) and the shared data beside it (../shared/data).</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>A file of the public data sets in ../shared/data, e.g. <c>Shared("cbp_encounters", "…csv")</c>.</summary>
    public static string Shared(params string[] parts) => Path.Combine([Path.GetFullPath(Path.Combine(Root, "..", "shared", "data")), .. parts]);

    /// <summary>A file under this project's TestData folder.</summary>
    public static string TestData(string name) => Path.Combine(Root, "tests", "Puente.Core.Tests", "TestData", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Puente.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Puente.slnx not found above " + AppContext.BaseDirectory);
    }
}
