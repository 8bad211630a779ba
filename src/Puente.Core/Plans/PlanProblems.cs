using Puente.Core.Text;

namespace Puente.Core.Plans;

/// <summary>
/// Every problem the plan rules report: a recommendation's status changes (<see cref="RecommendationStatusRules"/>) and
/// the plan import (<see cref="PlanImport"/>). The web layer translates each <see cref="ProblemKind.Code"/> (EN/ES).
/// </summary>
public static class PlanProblems
{
    // Status changes.
    public static readonly ProblemKind UnknownStatus = new("plans.unknownStatus", "'{0}' is not a status; use one of {1}");
    public static readonly ProblemKind NotADate = new("plans.notADate", "'{0}' is not a date (YYYY-MM-DD, 1900–2200)");
    public static readonly ProblemKind DateRequired = new("plans.dateRequired", "give the date the status took effect (YYYY-MM-DD)");
    public static readonly ProblemKind DateInFuture = new("plans.dateInFuture", "{0} is in the future; record a status once it has taken effect");
    public static readonly ProblemKind DateBeforePrevious = new("plans.dateBeforePrevious",
        "{0} is before the latest recorded change ({1}); changes are recorded in date order");
    public static readonly ProblemKind EvidenceNeeded = new("plans.evidenceNeeded",
        "Implemented and PartlyImplemented need evidence: an engagement, a commitment or a web address");
    public static readonly ProblemKind TooManyChanges = new("plans.tooManyChanges", "this recommendation already has {0} status changes, the most it keeps");

    // The import (rows and columns as in the engagement import).
    public static readonly ProblemKind FileTooLarge = new("planImport.fileTooLarge", "the file is larger than {0} MB; split the plan or shorten its texts");
    public static readonly ProblemKind Utf16 = new("planImport.utf16", "the file is UTF-16 text; save it as UTF-8 (in a spreadsheet: CSV UTF-8)");
    public static readonly ProblemKind NotUtf8 = new("planImport.notUtf8",
        "the file is not UTF-8 text (invalid byte at offset {0}, line {1}); save it as UTF-8 (in a spreadsheet: CSV UTF-8)");
    public static readonly ProblemKind NotJson = new("planImport.notJson", "the file is not valid JSON (line {0}, byte {1}): {2}");
    public static readonly ProblemKind NotAnObject = new("planImport.notAnObject", "must be a JSON object");
    public static readonly ProblemKind WrongType = new("planImport.wrongType", "must be {0}");
    public static readonly ProblemKind UnknownProperty = new("planImport.unknownProperty", "'{0}' is not a property; the properties are {1}");
    public static readonly ProblemKind NoHeader = new("planImport.noHeader", "the file is empty; the first row must name the columns");
    public static readonly ProblemKind UnknownColumn = new("planImport.unknownColumn", "'{0}' is not a column; the columns are {1}");
    public static readonly ProblemKind RepeatedColumn = new("planImport.repeatedColumn", "the column '{0}' appears more than once");
    public static readonly ProblemKind MissingColumn = new("planImport.missingColumn", "the header has no '{0}' column, which is required");
    public static readonly ProblemKind TooManyRows = new("planImport.tooManyRows", "the plan has more than {0} recommendations");
    public static readonly ProblemKind FieldCount = new("planImport.fieldCount", "the header has {0} columns but this row has {1} fields");
    public static readonly ProblemKind UnclosedQuote = new("planImport.unclosedQuote", "a quoted field is not closed: the rest of the file is read as one field");
    public static readonly ProblemKind Required = new("planImport.required", "is required");
    public static readonly ProblemKind NoPlanCode = new("planImport.noPlanCode", "no row gives the plan's code");
    public static readonly ProblemKind NoPlanName = new("planImport.noPlanName", "give the plan's name in English or Spanish");
    public static readonly ProblemKind PlanValueDiffers = new("planImport.planValueDiffers", "differs from row {0}, which gives '{1}'; a file holds one plan");
    public static readonly ProblemKind NoText = new("planImport.noText", "give the recommendation's text in English or Spanish");
    public static readonly ProblemKind TooLong = new("planImport.tooLong", "is longer than {0} characters");
    public static readonly ProblemKind NotACode = new("planImport.notACode", "'{0}' is not a code (1–40 upper-case letters, digits, '-' or '.')");
    public static readonly ProblemKind RepeatedCode = new("planImport.repeatedCode", "the code {0} is already used in row {1} of this file");
    public static readonly ProblemKind NotANumber = new("planImport.notANumber", "'{0}' is not a number from 1 to {1}");
    public static readonly ProblemKind UnknownAddressee = new("planImport.unknownAddressee", "'{0}' is not an addressee; use one of {1}");
    public static readonly ProblemKind TooManyCodes = new("planImport.tooManyCodes", "at most {0} codes, found {1}");
    public static readonly ProblemKind UnknownConfidentiality = new("planImport.unknownConfidentiality", "'{0}' is not a confidentiality; use Shared or Internal");
    public static readonly ProblemKind RestrictedNotImported = new("planImport.restrictedNotImported",
        "a Restricted plan needs its readers named, which a file does not do: import it as Internal");
    public static readonly ProblemKind UnknownSide = new("planImport.unknownSide", "'{0}' is not a side; use MX, US or Joint");

    // What the database decides.
    public static readonly ProblemKind CodeInOtherPlan = new("planImport.codeInOtherPlan",
        "the recommendation code {0} cannot be used: another plan's recommendation has it (codes are unique across plans)");
    public static readonly ProblemKind UnknownTrack = new("planImport.unknownTrack", "no track has the code '{0}'");
    public static readonly ProblemKind UnknownIssue = new("planImport.unknownIssue", "no agenda issue has the code '{0}'");
    public static readonly ProblemKind PlanCodeTaken = new("planImport.planCodeTaken", "the plan code {0} cannot be used. Choose another");
}
