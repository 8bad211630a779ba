using Puente.Core.Text;

namespace Puente.Core.Warning;

/// <summary>Every problem <see cref="DetectorSettings"/> reports. The web layer translates each <see cref="ProblemKind.Code"/> (EN/ES).</summary>
public static class DetectorProblems
{
    public static readonly ProblemKind TooLong = new("detectors.tooLong", "the detector settings are longer than {0} characters");
    public static readonly ProblemKind UnknownDetector = new("detectors.unknownDetector", "'{0}' is not a detector; use one of {1}");
    public static readonly ProblemKind RepeatedDetector = new("detectors.repeatedDetector", "{0} is given more than once; give each detector once");
    public static readonly ProblemKind NotAnAssignment = new("detectors.notAnAssignment", "{0}: '{1}' is not a parameter; write name=value, e.g. {2}");
    public static readonly ProblemKind UnknownParameter = new("detectors.unknownParameter", "{0} has no parameter '{1}'; its parameters are {2}");
    public static readonly ProblemKind RepeatedParameter = new("detectors.repeatedParameter", "{0}: {1} is given more than once");
    public static readonly ProblemKind NotANumber = new("detectors.notANumber", "{0} {1}: '{2}' is not a number (write decimals with a point, e.g. 0.25)");
    public static readonly ProblemKind NotWhole = new("detectors.notWhole", "{0} {1}: '{2}' is not a whole number");
    public static readonly ProblemKind OutOfRange = new("detectors.outOfRange", "{0} {1}: {2} is outside the range {3} to {4}");
    public static readonly ProblemKind MissingParameter = new("detectors.missingParameter", "{0} needs {1}");
}
