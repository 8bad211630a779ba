using Puente.Core.Text;

namespace Puente.Core.Warning;

/// <summary>
/// Every problem the indicator rules report: the values of an import (<see cref="IndicatorCsv"/>) or a request
/// (<see cref="IndicatorValueSet"/>). The web layer translates each <see cref="ProblemKind.Code"/> (EN/ES); the CLI
/// prints the English template.
/// </summary>
public static class IndicatorProblems
{
    // The file.
    public static readonly ProblemKind FileTooLarge = new("indicatorImport.fileTooLarge", "the file is larger than {0} MB; an indicator holds at most {1} values");
    public static readonly ProblemKind Utf16 = new("indicatorImport.utf16", "the file is UTF-16 text; save it as UTF-8 (in a spreadsheet: CSV UTF-8)");
    public static readonly ProblemKind NotUtf8 = new("indicatorImport.notUtf8",
        "the file is not UTF-8 text (invalid byte at offset {0}, line {1}); save it as UTF-8 (in a spreadsheet: CSV UTF-8)");
    public static readonly ProblemKind NoHeader = new("indicatorImport.noHeader", "the file is empty; the first row must name the columns period and value");
    public static readonly ProblemKind UnknownColumn = new("indicatorImport.unknownColumn", "'{0}' is not a column; the columns are {1}");
    public static readonly ProblemKind RepeatedColumn = new("indicatorImport.repeatedColumn", "the column '{0}' appears more than once");
    public static readonly ProblemKind MissingColumn = new("indicatorImport.missingColumn", "the header has no '{0}' column, which is required");
    public static readonly ProblemKind TooLong = new("indicatorImport.tooLong", "is longer than {0} characters");
    public static readonly ProblemKind TooManyRows = new("indicatorImport.tooManyRows", "the file has more than {0} rows; an indicator holds at most {0} values");
    public static readonly ProblemKind FieldCount = new("indicatorImport.fieldCount", "the header has {0} columns but this row has {1} fields");
    public static readonly ProblemKind UnclosedQuote = new("indicatorImport.unclosedQuote", "a quoted field is not closed: the rest of the file is read as one field");

    // One value (a row of a file, an item of a request).
    public static readonly ProblemKind Required = new("indicatorValues.required", "is required");
    public static readonly ProblemKind NotADay = new("indicatorValues.notADay", "'{0}' is not a day: write YYYY-MM-DD");
    public static readonly ProblemKind NotAWeek = new("indicatorValues.notAWeek", "'{0}' is not a day: write a day of the week YYYY-MM-DD (the week is the one from Monday that holds it)");
    public static readonly ProblemKind NotAMonth = new("indicatorValues.notAMonth", "'{0}' is not a month: write YYYY-MM, or a day YYYY-MM-DD");
    public static readonly ProblemKind NotAQuarter = new("indicatorValues.notAQuarter",
        "'{0}' is not a quarter: write its first month (YYYY-01, YYYY-04, YYYY-07 or YYYY-10), or a day YYYY-MM-DD");
    public static readonly ProblemKind NotAYear = new("indicatorValues.notAYear", "'{0}' is not a year: write YYYY, YYYY-01, or a day YYYY-MM-DD");
    public static readonly ProblemKind PeriodOutOfRange = new("indicatorValues.periodOutOfRange", "'{0}' is outside the years 1900 to 2200");
    public static readonly ProblemKind NotANumber = new("indicatorValues.notANumber",
        "'{0}' is not a number: write it with a decimal point and no thousands separators, e.g. 1234.5");
    public static readonly ProblemKind NotRecordable = new("indicatorValues.notRecordable",
        "'{0}' cannot be recorded: a value is a finite number no larger than 10^15 in size");
    public static readonly ProblemKind SamePeriodAsRow = new("indicatorValues.samePeriodAsRow", "is in the period {0}, as row {1} is; give each period once");
    public static readonly ProblemKind SamePeriodAsItem = new("indicatorValues.samePeriodAsItem", "is in the period {0}, as item {1} is; give each period once");

    // The whole set.
    public static readonly ProblemKind TooManyItems = new("indicatorValues.tooManyItems", "at most {0} values in one request; this one has {1}");
    public static readonly ProblemKind TooManyValues = new("indicatorValues.tooManyValues", "the indicator would hold {0} values; it holds at most {1}");
    public static readonly ProblemKind Derived = new("indicatorValues.derived",
        "the indicator {0} is derived from Puente's own data ({1}): its values are computed, never imported or entered");

    /// <summary>The problem of a period that <see cref="IndicatorPeriods.Parse"/> does not read for <paramref name="frequency"/>.</summary>
    public static ProblemKind NotAPeriod(IndicatorFrequency frequency) => frequency switch
    {
        IndicatorFrequency.Day => NotADay,
        IndicatorFrequency.Week => NotAWeek,
        IndicatorFrequency.Month => NotAMonth,
        IndicatorFrequency.Quarter => NotAQuarter,
        IndicatorFrequency.Year => NotAYear,
        _ => throw new ArgumentOutOfRangeException(nameof(frequency)),
    };
}
