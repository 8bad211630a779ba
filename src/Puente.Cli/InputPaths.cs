using Microsoft.Extensions.FileSystemGlobbing;

namespace Puente.Cli;

/// <summary>Expands the ingest arguments: files, folders (their event files) and globs (<c>data/2024*/*.zip</c>).</summary>
public static class InputPaths
{
    private static readonly string[] FolderPatterns = ["*.export.CSV", "*.export.CSV.zip", "*.export.csv", "*.export.csv.zip", "*.CSV", "*.csv", "*.zip", "*.tsv", "*.txt"];

    /// <summary>Expands the arguments; in folders, keeps GDELT event exports (<paramref name="gkg"/> false) or GKG files (true).</summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Unmatched) Expand(IEnumerable<string> arguments, bool gkg = false)
    {
        var files = new List<string>();
        var unmatched = new List<string>();
        foreach (var argument in arguments)
        {
            if (File.Exists(argument))
            {
                files.Add(Path.GetFullPath(argument));
            }
            else if (Directory.Exists(argument))
            {
                var inFolder = FolderPatterns.SelectMany(p => Directory.EnumerateFiles(argument, p, new EnumerationOptions { MatchCasing = MatchCasing.CaseSensitive }))
                    .Where(f => !Path.GetFileName(f).StartsWith("CAMEO.", StringComparison.Ordinal))
                    .Where(f => Path.GetFileName(f).Contains(".gkg.", StringComparison.OrdinalIgnoreCase) == gkg
                        && !Path.GetFileName(f).Contains(".mentions.", StringComparison.OrdinalIgnoreCase))
                    .Select(Path.GetFullPath).Distinct().ToList();
                if (inFolder.Count == 0)
                {
                    unmatched.Add(argument);
                }

                files.AddRange(inFolder);
            }
            else if (argument.IndexOfAny(['*', '?']) >= 0)
            {
                var full = Path.GetFullPath(argument);
                var root = Path.GetPathRoot(full)!;
                var pattern = Path.GetRelativePath(root, full);
                var matcher = new Matcher(StringComparison.Ordinal);
                matcher.AddInclude(pattern.Replace('\\', '/'));
                var matched = matcher.GetResultsInFullPath(root).ToList();
                if (matched.Count == 0)
                {
                    unmatched.Add(argument);
                }

                files.AddRange(matched);
            }
            else
            {
                unmatched.Add(argument);
            }
        }

        return ([.. files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], unmatched);
    }
}
