using Puente.Core.Text;

namespace Puente.Core.Warning;

/// <summary>The problems of choosing which CBP series to import as indicators (<see cref="CbpIndicators"/>), beyond those
/// of reading the file (<see cref="CbpProblems"/>). The web layer translates each <see cref="ProblemKind.Code"/> (EN/ES).</summary>
public static class CbpImportProblems
{
    public static readonly ProblemKind SeriesRequired = new("cbpImport.seriesRequired",
        "the file has {0} {1} series; name the ones to import (--series NAME) or take them all (--all)");
    public static readonly ProblemKind SeriesAndAll = new("cbpImport.seriesAndAll", "name series or take them all, not both");
    public static readonly ProblemKind UnknownSeries = new("cbpImport.unknownSeries", "the file has no {0} '{1}'; it has: {2}");
    public static readonly ProblemKind TooManySeries = new("cbpImport.tooManySeries", "{0} series are named; at most {1}");
    public static readonly ProblemKind BadPrefix = new("cbpImport.badPrefix",
        "'{0}' is not a code prefix: upper-case letters, digits, '-' and '.', at most {1} characters, not ending in '-'");
    public static readonly ProblemKind NoCode = new("cbpImport.noCode", "'{0}' has no letter or digit to make a code of");
    public static readonly ProblemKind SameCode = new("cbpImport.sameCode", "'{0}' and '{1}' would both be the indicator {2}; import them separately with another prefix");
    public static readonly ProblemKind OtherKind = new("cbpImport.otherKind",
        "{0} is already an indicator that is not a monthly imported series ({1}); choose another prefix");
}
