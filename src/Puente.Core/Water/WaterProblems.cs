using Puente.Core.Text;

namespace Puente.Core.Water;

/// <summary>Every problem the water rules report. The web layer translates each <see cref="ProblemKind.Code"/> (EN/ES).</summary>
public static class WaterProblems
{
    public static readonly ProblemKind Header = new("water.header", "The first line must be: date,volume,unit,source[,document]");
    public static readonly ProblemKind FieldCount = new("water.fieldCount", "expected 4 or 5 comma-separated fields, found {0}");
    public static readonly ProblemKind NotADate = new("water.notADate", "'{0}' is not a date (YYYY-MM-DD, 1900–2200)");
    public static readonly ProblemKind NoCycle = new("water.noCycle", "{0} falls in no recorded cycle");
    public static readonly ProblemKind NotANumber = new("water.notANumber", "'{0}' is not a number (use a point for decimals, no thousands separators)");
    public static readonly ProblemKind NotANumberHere = new("water.notANumberHere", "'{0}' is not a number (write it like {1})");
    public static readonly ProblemKind Negative = new("water.negative", "{0} is negative");
    public static readonly ProblemKind UnknownUnit = new("water.unknownUnit", "'{0}' is not AF, m3 or Mm3");
    public static readonly ProblemKind UnknownSource = new("water.unknownSource", "'{0}' is not one of {1}");
    public static readonly ProblemKind WeekRecorded = new("water.weekRecorded", "a {0} delivery for the week of {1} is already recorded or repeated in this file");
    public static readonly ProblemKind NotPositive = new("water.notPositive", "must be positive");
    public static readonly ProblemKind MustNotBeNegative = new("water.mustNotBeNegative", "must not be negative");
    public static readonly ProblemKind BeforeFirstCycle = new("water.beforeFirstCycle", "is before the first recorded cycle");
    public static readonly ProblemKind RecoveryExceedsBalance = new("water.recoveryExceedsBalance", "a recovery of {0} AF exceeds the reserve's balance of {1} AF on {2}");
    public static readonly ProblemKind NoMinute = new("water.noMinute", "No minute in the tier table covers {0}; add its successor to the data file.");
    public static readonly ProblemKind BeforeFirstMinute = new("water.beforeFirstMinute", "{0} is before the first minute in the tier table (Minute {1}, in force from {2}).");
    public static readonly ProblemKind TooLarge = new("water.tooLarge", "{0} {1} is more than one entry can hold: at most {2} AF");
    public static readonly ProblemKind TooLong = new("water.tooLong", "is longer than {0} characters");
    public static readonly ProblemKind TooManyRows = new("water.tooManyRows", "the table has more than {0} rows; split it into smaller files");
    public static readonly ProblemKind NotAYear = new("water.notAYear", "'{0}' is not a year");
    public static readonly ProblemKind YearOutOfRange = new("water.yearOutOfRange", "{0} is not a delivery year ({1}–{2})");
    public static readonly ProblemKind ElevationMissing = new("water.elevationMissing", "Give Lake Mead's projected 1 January elevation in feet ({0}–{1}).");
    public static readonly ProblemKind ElevationNotANumber = new("water.elevationNotANumber", "'{0}' is not an elevation in feet");
    public static readonly ProblemKind ElevationOutOfRange = new("water.elevationOutOfRange", "{0} ft is outside Lake Mead's range ({1}–{2} ft)");
    public static readonly ProblemKind FloodControlOutOfRange = new("water.floodControlOutOfRange", "'{0}' is not a flood-control volume between 0 and {1} AF");
    public static readonly ProblemKind Withdrawn = new("water.withdrawn", "this delivery was withdrawn; record a new one instead");
    public static readonly ProblemKind ReasonMissing = new("water.reasonMissing", "give the reason for withdrawing the delivery");
}
