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
    public static readonly ProblemKind Negative = new("water.negative", "{0} is negative");
    public static readonly ProblemKind UnknownUnit = new("water.unknownUnit", "'{0}' is not AF, m3 or Mm3");
    public static readonly ProblemKind UnknownSource = new("water.unknownSource", "'{0}' is not one of {1}");
    public static readonly ProblemKind WeekRecorded = new("water.weekRecorded", "a {0} delivery for the week of {1} is already recorded or repeated in this file");
    public static readonly ProblemKind NotPositive = new("water.notPositive", "must be positive");
    public static readonly ProblemKind MustNotBeNegative = new("water.mustNotBeNegative", "must not be negative");
    public static readonly ProblemKind BeforeFirstCycle = new("water.beforeFirstCycle", "is before the first recorded cycle");
    public static readonly ProblemKind RecoveryExceedsBalance = new("water.recoveryExceedsBalance", "a recovery of {0} AF exceeds the reserve's balance of {1} AF on {2}");
    public static readonly ProblemKind NoMinute = new("water.noMinute", "No minute in the tier table covers {0}; add its successor to the data file.");
}
