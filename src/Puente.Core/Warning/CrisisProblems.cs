using Puente.Core.Text;

namespace Puente.Core.Warning;

/// <summary>Every problem the marked-crisis rules report (<see cref="CrisisRules"/>). The web layer translates each code (EN/ES).</summary>
public static class CrisisProblems
{
    public static readonly ProblemKind DateRequired = new("crises.dateRequired", "give the day (YYYY-MM-DD)");
    public static readonly ProblemKind NotADate = new("crises.notADate", "'{0}' is not a date (YYYY-MM-DD, 1900–2200)");
    public static readonly ProblemKind EndBeforeStart = new("crises.endBeforeStart", "the crisis ends ({0}) before it starts ({1})");
    public static readonly ProblemKind InFuture = new("crises.inFuture", "{0} is in the future; mark a crisis once its days have come");
    public static readonly ProblemKind IssueRequired = new("crises.issueRequired", "name the agenda issue of the crisis (its code)");
    public static readonly ProblemKind UnknownIssue = new("crises.unknownIssue", "'{0}' is not an agenda issue");

    // What the command line checks itself (the pages and the API check codes and names as for every record).
    public static readonly ProblemKind BadCode = new("crises.badCode", "a code is 1–40 upper-case letters, digits, '-' or '.'");
    public static readonly ProblemKind CodeTaken = new("crises.codeTaken", "the code '{0}' cannot be used; choose another");
    public static readonly ProblemKind NameRequired = new("crises.nameRequired", "give a name in English or Spanish");
    public static readonly ProblemKind TooLong = new("crises.tooLong", "at most {0} characters");
}
