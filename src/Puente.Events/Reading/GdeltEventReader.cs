using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;

namespace Puente.Events.Reading;

/// <summary>
/// Streams a GDELT event file (1.0 or 2.0, tab-separated whatever the extension) line by line from a fixed buffer:
/// memory does not grow with the file. Malformed lines are skipped and counted per reason; strings are made only
/// for the events that are kept. The per-line methods are compiled optimized at once
/// (<see cref="MethodImplOptions.AggressiveOptimization"/>): a CLI ingest lasts seconds, and spent a good part of
/// them in not-yet-optimized code (decision 0011).
/// </summary>
public static class GdeltEventReader
{
    /// <summary>A line longer than this is not an event line (real lines are well under 4 KB).</summary>
    public const int MaxLineBytes = 64 * 1024;

    private const int BufferBytes = 1024 * 1024;

    /// <summary>Reads <paramref name="stream"/>; calls <paramref name="keep"/> for every good event whose actor countries
    /// pass <paramref name="countries"/>. <paramref name="expected"/> fixes the version (else the first good line decides).</summary>
    public static ReadReport Read(Stream stream, IReadOnlySet<string> countries, GdeltVersion? expected, Action<EventRecord> keep,
        CancellationToken cancellationToken = default) =>
        Read(stream, countries, expected, new RecordSink(keep), cancellationToken);

    /// <summary>As above, handing each kept line's fields to <paramref name="sink"/> without allocating.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ReadReport Read(Stream stream, IReadOnlySet<string> countries, GdeltVersion? expected, IEventSink sink,
        CancellationToken cancellationToken = default)
    {
        var report = new ReadReport { Version = expected };
        var countryKeys = countries.Select(c => Encoding.ASCII.GetBytes(c)).ToArray();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        Span<int> tabs = stackalloc int[64];
        try
        {
            var filled = 0;
            var skippingLongLine = false;
            var eof = false;
            while (!eof)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = stream.Read(buffer, filled, buffer.Length - filled);
                if (read == 0)
                {
                    eof = true;
                }

                filled += read;
                var start = 0;
                // One UTF-8 check for all the complete lines in the buffer; only a buffer that fails it is checked line by line.
                var lastNewline = filled == 0 ? -1 : Array.LastIndexOf(buffer, (byte)'\n', filled - 1, filled);
                var validUpTo = eof ? (Utf8.IsValid(buffer.AsSpan(0, filled)) ? filled : 0)
                    : lastNewline >= 0 && Utf8.IsValid(buffer.AsSpan(0, lastNewline + 1)) ? lastNewline + 1 : 0;
                while (true)
                {
                    var newline = Array.IndexOf(buffer, (byte)'\n', start, filled - start);
                    if (newline < 0)
                    {
                        if (eof && start < filled)
                        {
                            newline = filled; // last line without a newline
                        }
                        else
                        {
                            break;
                        }
                    }

                    var line = new ReadOnlySpan<byte>(buffer, start, newline - start);
                    start = Math.Min(newline + 1, filled);
                    if (skippingLongLine)
                    {
                        skippingLongLine = false; // the tail of a line already reported as too long
                        continue;
                    }

                    report.Lines++;
                    if (line.Length > 0 && line[^1] == '\r')
                    {
                        line = line[..^1];
                    }

                    if (line.Length == 0 && eof && newline == filled)
                    {
                        report.Lines--; // nothing after the last newline
                        break;
                    }

                    if (line.Length > MaxLineBytes)
                    {
                        report.Problem(LineProblem.LineTooLong, report.Lines);
                        continue;
                    }

                    ParseLine(line, newline <= validUpTo, report.Lines, report, countryKeys, sink, tabs);
                    if (newline == filled)
                    {
                        break;
                    }
                }

                // Keep the unfinished line; if it alone fills the buffer, it is too long: report it and skip to its end.
                var rest = filled - start;
                if (rest == buffer.Length)
                {
                    if (!skippingLongLine)
                    {
                        report.Lines++;
                        report.Problem(LineProblem.LineTooLong, report.Lines);
                        skippingLongLine = true;
                    }

                    filled = 0;
                }
                else
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, rest);
                    filled = rest;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return report;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ParseLine(ReadOnlySpan<byte> line, bool knownValid, long lineNumber, ReadReport report, byte[][] countries, IEventSink sink, Span<int> tabs)
    {
        if (!knownValid && !Utf8.IsValid(line))
        {
            report.Problem(LineProblem.InvalidUtf8, lineNumber);
            return;
        }

        // Field boundaries: tabs[i] is the index of the i-th tab.
        var count = FindTabs(line, tabs, out var moreTabs);
        var fields = moreTabs ? int.MaxValue : count + 1;

        var layout = report.Version switch
        {
            GdeltVersion.V1 => GdeltLayout.V1,
            GdeltVersion.V2 => GdeltLayout.V2,
            _ => GdeltLayout.ForFieldCount(fields),
        };
        if (layout is null || !layout.Accepts(fields))
        {
            report.Problem(LineProblem.WrongFieldCount, lineNumber);
            return;
        }

        var f = new Fields(line, tabs[..count]);
        if (!TryLong(f[GdeltLayout.GlobalEventId], out var id) || id <= 0)
        {
            report.Problem(LineProblem.BadNumber, lineNumber);
            return;
        }

        if (!TryDate(f[GdeltLayout.SqlDate], out var date))
        {
            report.Problem(LineProblem.BadDate, lineNumber);
            return;
        }

        if (!TryInt(f[GdeltLayout.QuadClass], out var quad) || quad is < 1 or > 4
            || !TryDouble(f[GdeltLayout.GoldsteinScale], out var goldstein) || goldstein is < -10 or > 10
            || !TryInt(f[GdeltLayout.NumMentions], out var mentions) || mentions < 0
            || !TryInt(f[GdeltLayout.NumSources], out var sources) || sources < 0
            || !TryInt(f[GdeltLayout.NumArticles], out var articles) || articles < 0
            || !TryDouble(f[GdeltLayout.AvgTone], out var tone) || tone is < -100 or > 100
            || !TryInt(f[GdeltLayout.IsRootEvent], out var isRoot) || isRoot is < 0 or > 1)
        {
            report.Problem(LineProblem.BadNumber, lineNumber);
            return;
        }

        var added = f[layout.DateAdded];
        var addedDigits = layout.Version == GdeltVersion.V2 ? 14 : 8;
        if (added.Length != addedDigits || !TryLong(added, out var dateAdded))
        {
            report.Problem(LineProblem.BadDate, lineNumber);
            return;
        }

        report.Version ??= layout.Version;
        report.GoodLines++;
        CollectionsMarshal.GetValueRefOrAddDefault(report.DailyTotals, date, out _)++;

        var a1 = f[GdeltLayout.Actor1Country];
        var a2 = f[GdeltLayout.Actor2Country];
        if (!Matches(a1, countries) && !Matches(a2, countries))
        {
            return;
        }

        if (report.Kept > 0 && id <= report.MaxKeptId)
        {
            report.KeptIdsAscending = false;
        }

        report.Kept++;
        report.MinKeptId = Math.Min(report.MinKeptId, id);
        report.MaxKeptId = Math.Max(report.MaxKeptId, id);
        sink.Keep(new EventFields(line, tabs[..count], layout, id, date, isRoot == 1, (byte)quad, goldstein, mentions, sources, articles, tone,
            dateAdded, fields > layout.SourceUrl));
    }

    /// <summary>The positions of the line's tabs, 32 bytes at a time; <paramref name="more"/> when there are more than <paramref name="tabs"/> holds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FindTabs(ReadOnlySpan<byte> line, Span<int> tabs, out bool more)
    {
        var count = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var start = ref MemoryMarshal.GetReference(line);
            var tab = Vector256.Create((byte)'\t');
            for (; i + Vector256<byte>.Count <= line.Length; i += Vector256<byte>.Count)
            {
                var mask = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)i), tab).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    if (count == tabs.Length)
                    {
                        more = true;
                        return count;
                    }

                    tabs[count++] = i + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                }
            }
        }

        for (; i < line.Length; i++)
        {
            if (line[i] == (byte)'\t')
            {
                if (count == tabs.Length)
                {
                    more = true;
                    return count;
                }

                tabs[count++] = i;
            }
        }

        more = false;
        return count;
    }

    private static bool Matches(ReadOnlySpan<byte> value, byte[][] countries)
    {
        foreach (var c in countries)
        {
            if (value.SequenceEqual(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryLong(ReadOnlySpan<byte> s, out long value) => Utf8Parser.TryParse(s, out value, out var used) && used == s.Length && s.Length > 0;

    private static bool TryInt(ReadOnlySpan<byte> s, out int value) => Utf8Parser.TryParse(s, out value, out var used) && used == s.Length && s.Length > 0;

    private static bool TryDouble(ReadOnlySpan<byte> s, out double value) =>
        TryPlainDecimal(s, out value) || (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value));

    private static readonly double[] PowersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>
    /// The common shape of GDELT's decimals, <c>-?digits(.digits)?</c> with at most 15 digits, without the general
    /// parser: the digits form an exact integer below 2^53 and the divisor an exact power of ten, so one IEEE division
    /// gives the correctly rounded value, the same double <see cref="double.Parse(string)"/> returns. Anything else
    /// (exponents, more digits, odd signs) is left to the general parser.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryPlainDecimal(ReadOnlySpan<byte> s, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && s[0] == (byte)'-')
        {
            negative = true;
            i = 1;
        }

        long digits = 0;
        var count = 0;
        var fraction = -1;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c == (byte)'.' && fraction < 0)
            {
                fraction = 0;
                continue;
            }

            var d = c - (byte)'0';
            if ((uint)d > 9 || ++count > 15)
            {
                return false;
            }

            digits = (digits * 10) + d;
            if (fraction >= 0)
            {
                fraction++;
            }
        }

        if (count == 0)
        {
            return false;
        }

        value = fraction > 0 ? digits / PowersOfTen[fraction] : digits;
        if (negative)
        {
            value = -value;
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryDate(ReadOnlySpan<byte> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 8 || !Utf8Parser.TryParse(s, out int ymd, out var used) || used != 8)
        {
            return false;
        }

        var (y, m, d) = (ymd / 10000, ymd / 100 % 100, ymd % 100);
        if (y is < 1900 or > 2200 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateOnly(y, m, d);
        return true;
    }

    /// <summary>Field access by index over one line and its tab positions.</summary>
    private readonly ref struct Fields(ReadOnlySpan<byte> line, ReadOnlySpan<int> tabs)
    {
        private readonly ReadOnlySpan<byte> _line = line;
        private readonly ReadOnlySpan<int> _tabs = tabs;

        public ReadOnlySpan<byte> this[int index] => FieldOf(_line, _tabs, index);
    }

    internal static ReadOnlySpan<byte> FieldOf(ReadOnlySpan<byte> line, ReadOnlySpan<int> tabs, int index)
    {
        var start = index == 0 ? 0 : tabs[index - 1] + 1;
        var end = index < tabs.Length ? tabs[index] : line.Length;
        return line[start..end];
    }
}
