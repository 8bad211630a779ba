using System.Buffers;
using nietras.SeparatedValues;

namespace Puente.Core.Text;

/// <summary>The problems an import reports in its own words (each import has its codes), for <see cref="ImportFile"/>.</summary>
public sealed record ImportProblemKinds(ProblemKind Utf16, ProblemKind NotUtf8, ProblemKind UnknownColumn, ProblemKind RepeatedColumn,
    ProblemKind MissingColumn, ProblemKind TooLong);

/// <summary>
/// What the file imports (engagements, plans) share: UTF-8 decoding, the CSV header, blank rows, text cells checked as
/// the forms check them, and values shortened for messages.
/// </summary>
public static class ImportFile
{
    /// <summary>How much of an offending value a message repeats back.</summary>
    public const int MaxEchoLength = 40;

    /// <summary>A value shortened for a message, so that a huge cell cannot make a huge report.</summary>
    public static string Echo(string value) =>
        value.Length <= MaxEchoLength ? value : string.Concat(value.AsSpan(0, MaxEchoLength), "…");

    /// <summary>The text of UTF-8 bytes (without a byte-order mark), or null with the problem reported on <paramref name="row"/>.</summary>
    public static string? Decode(ReadOnlySpan<byte> content, int row, RowProblems problems, ImportProblemKinds kinds)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(kinds);
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            problems.Add(row, "file", kinds.Utf16.With());
            return null;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        var chars = new char[content.Length];
        var status = System.Text.Unicode.Utf8.ToUtf16(content, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            problems.Add(row, "file", kinds.NotUtf8.With(read, content[..read].Count((byte)'\n') + 1));
            return null;
        }

        return new string(chars, 0, written);
    }

    /// <summary>The header's columns by lower-case name, or null with its problems (unknown, repeated or missing columns).</summary>
    public static Dictionary<string, int>? Header(SepReader.Row record, IReadOnlyList<string> columns, IReadOnlyList<string> required,
        RowProblems problems, ImportProblemKinds kinds)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(kinds);
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < record.ColCount; i++)
        {
            var name = record[i].ToString().Trim().ToLowerInvariant();
            if (!columns.Contains(name))
            {
                problems.Add(1, "header", kinds.UnknownColumn.With(Echo(name), string.Join(", ", columns)));
            }
            else if (!found.TryAdd(name, i))
            {
                problems.Add(1, "header", kinds.RepeatedColumn.With(name));
            }
        }

        foreach (var missing in required.Where(c => !found.ContainsKey(c)))
        {
            problems.Add(1, "header", kinds.MissingColumn.With(missing));
        }

        return problems.Any ? null : found;
    }

    /// <summary>A row whose every cell is blank.</summary>
    public static bool IsBlank(SepReader.Row record)
    {
        for (var i = 0; i < record.ColCount; i++)
        {
            if (!record[i].Span.IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A text cell checked as the forms check text: length, plain text, something visible when not empty.</summary>
    public static string Text(string value, string field, int max, bool multiline, ProblemKind tooLong, Action<string, Problem> report)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(tooLong);
        ArgumentNullException.ThrowIfNull(report);
        if (value.Length > max)
        {
            report(field, tooLong.With(max));
        }
        else if (PlainText.Check(value, multiline) is { } problem)
        {
            report(field, problem);
        }
        else if (value.Length > 0 && PlainText.IsInvisible(value))
        {
            report(field, TextProblems.Invisible.With());
        }

        return value;
    }
}
