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

/// <summary>Reads an import's file whole, refusing it before reading when it is larger than the import accepts (the
/// bound then holds for the memory the import needs, not only for its rows).</summary>
public static class InputFile
{
    /// <summary>The file's bytes, or null after telling <paramref name="stderr"/> why not (too large: <paramref name="tooLarge"/>;
    /// unreadable: the system's reason).</summary>
    public static async Task<byte[]?> ReadAsync(string path, long maxBytes, string tooLarge, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            if (new FileInfo(path).Length > maxBytes)
            {
                await stderr.WriteLineAsync($"{path} is larger than {maxBytes / 1_000_000} MB{tooLarge}");
                return null;
            }

            return await File.ReadAllBytesAsync(path, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"Cannot read {path}: {ex.Message}");
            return null;
        }
    }
}
