using Puente.Core.Text;

namespace Puente.Core.Warning;

/// <summary>The problems of a backtest's request (its detector's are <see cref="DetectorProblems"/>). The web layer
/// translates each <see cref="ProblemKind.Code"/> (EN/ES).</summary>
public static class BacktestProblems
{
    public static readonly ProblemKind NotADate = new("backtest.notADate", "'{0}' is not a date (YYYY-MM-DD, 1900–2200)");
    public static readonly ProblemKind EndBeforeStart = new("backtest.endBeforeStart", "the end {0} is before the start {1}");
    public static readonly ProblemKind BadWindow = new("backtest.badWindow", "'{0}' is not a lead window: a whole number of periods from 0 to {1}");
    public static readonly ProblemKind ParametersWithoutDetector = new("backtest.parametersWithoutDetector",
        "parameters apply to one detector: name it too");
    public static readonly ProblemKind TooManyParameters = new("backtest.tooManyParameters", "{0} parameters are given; at most {1}");
    public static readonly ProblemKind ParameterTooLong = new("backtest.parameterTooLong", "a parameter is longer than {0} characters");
    public static readonly ProblemKind BadIssue = new("backtest.badIssue", "'{0}' is not an agenda issue you can read");
    public static readonly ProblemKind StoredSettings = new("backtest.storedSettings",
        "the indicator's detector settings cannot be read ({0}); name a detector to run instead");
    public static readonly ProblemKind TooManyCrises = new("backtest.tooManyCrises",
        "{0} marked crises fall in the range; a backtest scores at most {1}: narrow it with a start and an end");
}
