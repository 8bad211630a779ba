using System.Text.Json;

namespace Puente.Events.Narrative;

/// <summary>One narrative frame of the white paper (section IV) and the GKG themes that signal it.</summary>
public sealed record Frame(string Code, string Kind, string NameEn, string NameEs, IReadOnlyList<string> Themes, IReadOnlyList<string> ThemePrefixes)
{
    public string Name(System.Globalization.CultureInfo culture) => culture.TwoLetterISOLanguageName == "es" ? NameEs : NameEn;
}

/// <summary>
/// The theme→frame mapping. It is a data file a user can edit: <c>frames.json</c> in the data directory when present
/// (copied there from the shipped default on first use), otherwise the default embedded in Puente.
/// </summary>
public sealed class FrameMap
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public required IReadOnlyList<Frame> Frames { get; init; }

    public static string DefaultJson()
    {
        using var stream = typeof(FrameMap).Assembly.GetManifestResourceStream("Puente.Events.frames.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Loads <c>&lt;dataDirectory&gt;/frames.json</c>, writing the default there first if it is missing.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid mapping; the message says where.</exception>
    public static FrameMap Load(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "frames.json");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, DefaultJson());
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static FrameMap Parse(string json, string source)
    {
        try
        {
            var file = JsonSerializer.Deserialize<FramesFile>(json, Json) ?? throw new InvalidDataException($"{source} is empty.");
            var frames = file.Frames ?? [];
            foreach (var f in frames)
            {
                if (string.IsNullOrWhiteSpace(f.Code) || f.Kind is not ("problem" or "missed") || string.IsNullOrWhiteSpace(f.NameEn) || string.IsNullOrWhiteSpace(f.NameEs))
                {
                    throw new InvalidDataException($"{source}: frame '{f.Code}' needs a code, kind 'problem' or 'missed', nameEn and nameEs.");
                }
            }

            if (frames.Select(f => f.Code).Distinct(StringComparer.Ordinal).Count() != frames.Count)
            {
                throw new InvalidDataException($"{source}: frame codes repeat.");
            }

            return new FrameMap { Frames = [.. frames.Select(f => f with { Themes = f.Themes ?? [], ThemePrefixes = f.ThemePrefixes ?? [] })] };
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source} is not valid JSON: {ex.Message} (line {ex.LineNumber + 1})", ex);
        }
    }

    private sealed record FramesFile(int Version, List<Frame>? Frames);
}
