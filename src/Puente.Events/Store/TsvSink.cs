using System.Buffers.Text;
using Puente.Events.Reading;

namespace Puente.Events.Store;

/// <summary>
/// Writes the kept events' fields, as they came (already validated), to a compact tab-separated file that DuckDB then
/// loads in bulk: no per-value calls across the native boundary and no strings allocated per event.
/// </summary>
internal sealed class TsvSink(Stream output) : IEventSink
{
    /// <summary>The column types of the file, in the order of the <c>events</c> table.</summary>
    public const string Columns = "{'c0':'BIGINT','c1':'DATE','c2':'VARCHAR','c3':'VARCHAR','c4':'VARCHAR','c5':'VARCHAR','c6':'VARCHAR','c7':'VARCHAR'," +
        "'c8':'TINYINT','c9':'VARCHAR','c10':'VARCHAR','c11':'VARCHAR','c12':'TINYINT','c13':'DOUBLE','c14':'INTEGER','c15':'INTEGER'," +
        "'c16':'INTEGER','c17':'DOUBLE','c18':'VARCHAR','c19':'VARCHAR','c20':'BIGINT','c21':'VARCHAR'}";

    /// <summary>The SELECT list mapping the file's columns to the <c>events</c> table (empty text stays empty, not NULL).</summary>
    public const string Select = "c0, c1, coalesce(c2, ''), coalesce(c3, ''), coalesce(c4, ''), coalesce(c5, ''), coalesce(c6, ''), coalesce(c7, ''), " +
        "c8 = 1, coalesce(c9, ''), coalesce(c10, ''), coalesce(c11, ''), c12, c13, c14, c15, c16, c17, coalesce(c18, ''), coalesce(c19, ''), c20, coalesce(c21, '')";

    public void Keep(in EventFields f)
    {
        Span<byte> number = stackalloc byte[24];
        Utf8Formatter.TryFormat(f.Id, number, out var n);
        Write(number[..n]);
        Tab();
        WriteDate(f.Date);
        Tab();
        Write(f[GdeltLayout.Actor1Code]); Tab();
        Write(f[GdeltLayout.Actor1Name]); Tab();
        Write(f[GdeltLayout.Actor1Country]); Tab();
        Write(f[GdeltLayout.Actor2Code]); Tab();
        Write(f[GdeltLayout.Actor2Name]); Tab();
        Write(f[GdeltLayout.Actor2Country]); Tab();
        output.WriteByte(f.IsRoot ? (byte)'1' : (byte)'0'); Tab();
        Write(f[GdeltLayout.EventCode]); Tab();
        Write(f[GdeltLayout.EventBaseCode]); Tab();
        Write(f[GdeltLayout.EventRootCode]); Tab();
        output.WriteByte((byte)('0' + f.QuadClass)); Tab();
        Write(f[GdeltLayout.GoldsteinScale]); Tab();
        Write(f[GdeltLayout.NumMentions]); Tab();
        Write(f[GdeltLayout.NumSources]); Tab();
        Write(f[GdeltLayout.NumArticles]); Tab();
        Write(f[GdeltLayout.AvgTone]); Tab();
        Write(f[f.Layout.ActionGeoFullName]); Tab();
        Write(f[f.Layout.ActionGeoCountry]); Tab();
        Write(f[f.Layout.DateAdded]); Tab();
        Write(f.SourceUrl);
        output.WriteByte((byte)'\n');
    }

    private void Tab() => output.WriteByte((byte)'\t');

    private void Write(ReadOnlySpan<byte> bytes) => output.Write(bytes);

    private void WriteDate(DateOnly d)
    {
        Span<byte> s = stackalloc byte[10];
        s[0] = (byte)('0' + d.Year / 1000);
        s[1] = (byte)('0' + d.Year / 100 % 10);
        s[2] = (byte)('0' + d.Year / 10 % 10);
        s[3] = (byte)('0' + d.Year % 10);
        s[4] = (byte)'-';
        s[5] = (byte)('0' + d.Month / 10);
        s[6] = (byte)('0' + d.Month % 10);
        s[7] = (byte)'-';
        s[8] = (byte)('0' + d.Day / 10);
        s[9] = (byte)('0' + d.Day % 10);
        output.Write(s);
    }
}
