using System.Globalization;
using Puente.Core.Text;

namespace Puente.Core.Warning;

/// <summary>
/// The values one import or request gives an indicator of <see cref="Frequency"/>, checked one by one as they arrive:
/// each period read by <see cref="IndicatorPeriods.Parse"/> (a day is taken to its period), each value recordable
/// (<see cref="IndicatorPeriods.IsRecordable"/>), the period within the years <see cref="IsoDate"/> takes, and no period given twice (two days of one week are the same
/// period: the later is reported naming the earlier). Problems go to the caller's <see cref="RowProblems"/> under the
/// fields <c>period</c> and <c>value</c>, at the position the caller names (a file's row, a request's item).
/// </summary>
public sealed class IndicatorValueSet
{
    private readonly Dictionary<DateOnly, (int Position, double? Value)> _values = [];
    private readonly RowProblems _problems;
    private readonly ProblemKind _samePeriod;

    /// <param name="frequency">The indicator's frequency.</param>
    /// <param name="problems">Where problems are reported.</param>
    /// <param name="samePeriod">How a repeated period is reported: <see cref="IndicatorProblems.SamePeriodAsRow"/> or
    /// <see cref="IndicatorProblems.SamePeriodAsItem"/> (its arguments: the period, the earlier position).</param>
    public IndicatorValueSet(IndicatorFrequency frequency, RowProblems problems, ProblemKind samePeriod)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(samePeriod);
        Frequency = frequency;
        _problems = problems;
        _samePeriod = samePeriod;
    }

    public IndicatorFrequency Frequency { get; }

    /// <summary>How many distinct periods were kept.</summary>
    public int Count => _values.Count;

    /// <summary>The valid values by period, oldest first (each period the first day of the indicator's period); all of
    /// them only when no problem was reported.</summary>
    public IReadOnlyList<(DateOnly Period, double Value)> Values =>
        [.. _values.Where(v => v.Value.Value is not null).OrderBy(v => v.Key).Select(v => (v.Key, v.Value.Value!.Value))];

    /// <summary>
    /// Checks one value given as text (a file's cell): a number in the invariant culture — digits, an optional sign, a
    /// decimal point and an exponent; never a thousands separator or a decimal comma, which would be misread.
    /// </summary>
    public void Add(int position, string? period, string? value)
    {
        double? number = null;
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            _problems.Add(position, "value", IndicatorProblems.Required.With());
        }
        else if (!TryParseNumber(text, out var parsed))
        {
            _problems.Add(position, "value", IndicatorProblems.NotANumber.With(ImportFile.Echo(text)));
        }
        else
        {
            number = parsed;
        }

        Keep(position, period, number);
    }

    /// <summary>Checks one value given as a number (a request's item); null is a missing value.</summary>
    public void Add(int position, string? period, double? value)
    {
        if (value is null)
        {
            _problems.Add(position, "value", IndicatorProblems.Required.With());
        }

        Keep(position, period, value);
    }

    /// <summary>
    /// Reads a number as files write it for machines: optional sign, digits, a decimal point, an exponent (invariant
    /// culture). Commas, spaces and other group separators are refused rather than guessed at.
    /// </summary>
    public static bool TryParseNumber(string text, out double value)
    {
        ArgumentNullException.ThrowIfNull(text);
        return double.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value);
    }

    private void Keep(int position, string? periodText, double? value)
    {
        DateOnly? period = null;
        var text = periodText?.Trim() ?? "";
        if (text.Length == 0)
        {
            _problems.Add(position, "period", IndicatorProblems.Required.With());
        }
        else if (IndicatorPeriods.Parse(text, Frequency) is { } start)
        {
            if (start < IsoDate.Earliest || start > IsoDate.Latest)
            {
                _problems.Add(position, "period", IndicatorProblems.PeriodOutOfRange.With(ImportFile.Echo(text)));
            }
            else
            {
                period = start;
            }
        }
        else
        {
            _problems.Add(position, "period", IndicatorProblems.NotAPeriod(Frequency).With(ImportFile.Echo(text)));
        }

        if (value is { } v && !IndicatorPeriods.IsRecordable(v))
        {
            _problems.Add(position, "value", IndicatorProblems.NotRecordable.With(v.ToString("R", CultureInfo.InvariantCulture)));
            value = null;
        }

        if (period is not { } p)
        {
            return;
        }

        if (_values.TryGetValue(p, out var first))
        {
            _problems.Add(position, "period", _samePeriod.With(IndicatorPeriods.Format(Frequency, p), first.Position));
            return;
        }

        // A period whose value is bad still claims its period, so that a repeat of it is reported too.
        _values[p] = (position, value);
    }
}
