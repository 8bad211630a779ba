using System.Globalization;
using System.Text;

namespace Puente.Events.Tests;

/// <summary>Writes GDELT-layout lines for tests, and finds the real samples in ../shared/data/gdelt.</summary>
public static class GdeltFiles
{
    public static string SharedData { get; } = FindShared();

    public static string RealSampleFolder => Path.Combine(SharedData, "gdelt");

    public sealed record Ev(long Id, string Date, string A1, string A2, int Quad = 1, double Goldstein = 1.0, double Tone = -1.5,
        int Articles = 3, string Code = "042", string Url = "https://example.org/a");

    /// <summary>A 2.0 (61 fields) or 1.0 (58 fields) line.</summary>
    public static string Line(Ev e, bool v1 = false)
    {
        var f = new string[v1 ? 58 : 61];
        Array.Fill(f, "");
        f[0] = e.Id.ToString(CultureInfo.InvariantCulture);
        f[1] = e.Date;
        f[2] = e.Date[..6];
        f[3] = e.Date[..4];
        f[4] = "2024.5000";
        f[5] = e.A1.Length > 0 ? e.A1 + "GOV" : "";
        f[6] = e.A1.Length > 0 ? e.A1 + " government" : "";
        f[7] = e.A1;
        f[15] = e.A2.Length > 0 ? e.A2 + "GOV" : "";
        f[16] = e.A2.Length > 0 ? e.A2 + " government" : "";
        f[17] = e.A2;
        f[25] = "1";
        f[26] = e.Code;
        f[27] = e.Code[..3];
        f[28] = e.Code[..2];
        f[29] = e.Quad.ToString(CultureInfo.InvariantCulture);
        f[30] = e.Goldstein.ToString(CultureInfo.InvariantCulture);
        f[31] = "5";
        f[32] = "2";
        f[33] = e.Articles.ToString(CultureInfo.InvariantCulture);
        f[34] = e.Tone.ToString("R", CultureInfo.InvariantCulture);
        if (v1)
        {
            f[50] = "Mexico City, Distrito Federal, Mexico";
            f[51] = "MX";
            f[56] = e.Date;
            f[57] = e.Url;
        }
        else
        {
            f[52] = "Mexico City, Distrito Federal, Mexico";
            f[53] = "MX";
            f[59] = e.Date + "120000";
            f[60] = e.Url;
        }

        return string.Join('\t', f);
    }

    public static string Write(string folder, string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            if (File.Exists(Path.Combine(dir.FullName, "Puente.slnx")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
            }
        }

        throw new InvalidOperationException("../shared/data not found");
    }
}
