using System.Globalization;
using System.Text.RegularExpressions;

namespace Puente.Events.Reference;

/// <summary>One CAMEO event code.</summary>
public sealed record CameoCode(string Code, string DescriptionEn, string DescriptionEs, double? Goldstein)
{
    public string Root => Code[..2];

    public string Describe(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "es" && DescriptionEs.Length > 0 ? DescriptionEs : DescriptionEn;
}

/// <summary>
/// CAMEO event codes with English and Spanish descriptions and Goldstein values, from GDELT's own lookup tables
/// (shipped in the assembly) and Puente's Spanish translations. The tables' documented quirks are repaired on load:
/// code 106 glued onto the 1056 line, and the mis-decoded quotes of 044.
/// </summary>
public sealed partial class CameoReference
{
    private readonly Dictionary<string, CameoCode> _codes;

    private CameoReference(Dictionary<string, CameoCode> codes) => _codes = codes;

    public static CameoReference Shared { get; } = Load();

    public IReadOnlyCollection<CameoCode> Codes => _codes.Values;

    public CameoCode? Find(string code) => _codes.GetValueOrDefault(code);

    /// <summary>The description of a code in the culture's language; the code itself when unknown.</summary>
    public string Describe(string code, CultureInfo culture) => Find(code)?.Describe(culture) ?? code;

    public static string QuadClassName(int quadClass, CultureInfo culture)
    {
        var es = culture.TwoLetterISOLanguageName == "es";
        return quadClass switch
        {
            1 => es ? "Cooperación verbal" : "Verbal cooperation",
            2 => es ? "Cooperación material" : "Material cooperation",
            3 => es ? "Conflicto verbal" : "Verbal conflict",
            4 => es ? "Conflicto material" : "Material conflict",
            _ => quadClass.ToString(CultureInfo.InvariantCulture),
        };
    }

    public static CameoReference Load()
    {
        var english = ParseDescriptions(ReadResource("CAMEO.eventcodes.txt"));
        var goldstein = ReadResource("CAMEO.goldsteinscale.txt").Split('\n').Skip(1)
            .Select(l => l.TrimEnd('\r').Split('\t'))
            .Where(p => p.Length == 2 && p[0].Length > 0)
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var spanish = TryReadResource("cameo-es.tsv")?.Split('\n').Skip(1)
            .Select(l => l.TrimEnd('\r').Split('\t'))
            .Where(p => p.Length == 2 && p[0].Length > 0)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal) ?? [];

        var codes = english.Keys.Union(goldstein.Keys).Distinct(StringComparer.Ordinal).ToDictionary(c => c, c => new CameoCode(c,
            english.GetValueOrDefault(c) ?? "", spanish.GetValueOrDefault(c) ?? "", goldstein.TryGetValue(c, out var g) ? g : null), StringComparer.Ordinal);
        return new CameoReference(codes);
    }

    /// <summary>Parses <c>CODE\tDESCRIPTION</c> lines, repairing the lookup table's known defects.</summary>
    internal static Dictionary<string, string> ParseDescriptions(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n').Skip(1))
        {
            var line = raw.TrimEnd('\r');
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                continue;
            }

            var code = line[..tab];
            var description = line[(tab + 1)..];
            // Quirk: "...engagement106:[-5.0] Demand withdrawal" — a second code glued onto this line.
            var glued = GluedCode().Match(description);
            if (glued.Success)
            {
                description = description[..glued.Index];
                result[glued.Groups[1].Value] = glued.Groups[2].Value.Trim();
            }

            // Quirk: curly quotes mis-decoded as Ò/Ó, eating the next letter ("ÒhirdÓlocation" is "third location").
            if (description.Contains('Ò', StringComparison.Ordinal))
            {
                description = description.Replace("ÒhirdÓ", "third ", StringComparison.Ordinal).Replace("Ò", "", StringComparison.Ordinal).Replace("Ó", " ", StringComparison.Ordinal);
            }

            result[code] = description.Trim();
        }

        return result;
    }

    private static string ReadResource(string name) => TryReadResource(name) ?? throw new InvalidOperationException($"Missing embedded {name}.");

    private static string? TryReadResource(string name)
    {
        using var stream = typeof(CameoReference).Assembly.GetManifestResourceStream("Puente.Events." + name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"(\d{2,4}):\[-?[\d.]+\]\s*(.+)$")]
    private static partial Regex GluedCode();
}
