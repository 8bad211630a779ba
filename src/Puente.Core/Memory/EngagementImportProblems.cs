using Puente.Core.Text;

namespace Puente.Core.Memory;

/// <summary>Every problem the engagement import reports. The web layer translates each <see cref="ProblemKind.Code"/> (EN/ES).</summary>
public static class EngagementImportProblems
{
    public static readonly ProblemKind FileTooLarge = new("engagementImport.fileTooLarge", "the file is larger than {0} MB; split it into smaller files");
    public static readonly ProblemKind Utf16 = new("engagementImport.utf16", "the file is UTF-16 text; save it as UTF-8 (in a spreadsheet: CSV UTF-8)");
    public static readonly ProblemKind NotUtf8 = new("engagementImport.notUtf8",
        "the file is not UTF-8 text (invalid byte at offset {0}, line {1}); save it as UTF-8 (in a spreadsheet: CSV UTF-8)");
    public static readonly ProblemKind NoHeader = new("engagementImport.noHeader", "the file is empty; the first row must name the columns");
    public static readonly ProblemKind UnknownColumn = new("engagementImport.unknownColumn", "'{0}' is not a column; the columns are {1}");
    public static readonly ProblemKind RepeatedColumn = new("engagementImport.repeatedColumn", "the column '{0}' appears more than once");
    public static readonly ProblemKind MissingColumn = new("engagementImport.missingColumn", "the header has no '{0}' column, which is required");
    public static readonly ProblemKind TooManyRows = new("engagementImport.tooManyRows", "the file has more than {0} rows; split it into smaller files");
    public static readonly ProblemKind FieldCount = new("engagementImport.fieldCount", "the header has {0} columns but this row has {1} fields");
    public static readonly ProblemKind UnclosedQuote = new("engagementImport.unclosedQuote", "a quoted field is not closed: the rest of the file is read as one field");
    public static readonly ProblemKind Required = new("engagementImport.required", "is required");
    public static readonly ProblemKind NoTitle = new("engagementImport.noTitle", "give a title in English or Spanish");
    public static readonly ProblemKind TooLong = new("engagementImport.tooLong", "is longer than {0} characters");
    public static readonly ProblemKind NotACode = new("engagementImport.notACode", "'{0}' is not a code (1–40 upper-case letters, digits, '-' or '.')");
    public static readonly ProblemKind RepeatedCode = new("engagementImport.repeatedCode", "the code {0} is already used in row {1} of this file");
    public static readonly ProblemKind CodeExists = new("engagementImport.codeExists", "an engagement with the code {0} already exists");
    public static readonly ProblemKind UnknownKind = new("engagementImport.unknownKind", "'{0}' is not a kind; use one of {1}");
    public static readonly ProblemKind UnknownZone = new("engagementImport.unknownZone", "'{0}' is not an IANA time zone such as America/Mexico_City");
    public static readonly ProblemKind NotALocalTime = new("engagementImport.notALocalTime",
        "'{0}' is not a local date (YYYY-MM-DD) or date and time (YYYY-MM-DDTHH:MM), 1900–2200");
    public static readonly ProblemKind MixedPrecision = new("engagementImport.mixedPrecision", "give the start and the end both as dates, or both as dates and times");
    public static readonly ProblemKind EndBeforeStart = new("engagementImport.endBeforeStart", "the end is before the start");
    public static readonly ProblemKind SkippedTime = new("engagementImport.skippedTime", "that local time does not exist in {0} (the clocks skip it)");
    public static readonly ProblemKind NotASession = new("engagementImport.notASession", "'{0}' is not a session number (1–{1})");
    public static readonly ProblemKind SessionWithoutMechanism = new("engagementImport.sessionWithoutMechanism", "a session number needs the mechanism it is a session of");
    public static readonly ProblemKind UnknownMechanism = new("engagementImport.unknownMechanism", "no mechanism has the code '{0}'");
    public static readonly ProblemKind TooManyCodes = new("engagementImport.tooManyCodes", "at most {0} codes, found {1}");
    public static readonly ProblemKind UnknownCode = new("engagementImport.unknownCode", "'{0}' is not a known code");
    public static readonly ProblemKind TooManySources = new("engagementImport.tooManySources", "at most {0} sources, found {1}");
    public static readonly ProblemKind NotAWebAddress = new("engagementImport.notAWebAddress", "'{0}' is not a web address starting with http:// or https://");
    public static readonly ProblemKind UnknownCertainty = new("engagementImport.unknownCertainty", "'{0}' is not a certainty; use Verified, SingleSource, Memory or Unrated");
    public static readonly ProblemKind UnknownConfidentiality = new("engagementImport.unknownConfidentiality", "'{0}' is not a confidentiality; use Shared or Internal");
    public static readonly ProblemKind RestrictedNotImported = new("engagementImport.restrictedNotImported",
        "a Restricted engagement needs its readers named: import it as Internal and restrict it on its page");
    public static readonly ProblemKind UnknownSide = new("engagementImport.unknownSide", "'{0}' is not a side; use MX, US or Joint");
    public static readonly ProblemKind TooManyParticipants = new("engagementImport.tooManyParticipants", "at most {0} participants, found {1}");
    public static readonly ProblemKind ParticipantSyntax = new("engagementImport.participantSyntax",
        "participant {0}: '{1}' is not person:CODE, post:CODE or delegation:COUNTRY:SENIORITY (then optionally !lead and =role)");
    public static readonly ProblemKind UnknownCountry = new("engagementImport.unknownCountry", "participant {0}: '{1}' is not a country; use one of {2}");
    public static readonly ProblemKind UnknownSeniority = new("engagementImport.unknownSeniority", "participant {0}: '{1}' is not a seniority; use one of {2}");
    public static readonly ProblemKind RoleTooLong = new("engagementImport.roleTooLong", "participant {0}: the role is longer than {1} characters");
    public static readonly ProblemKind RoleNotPlain = new("engagementImport.roleNotPlain",
        "participant {0}: the role contains a control character or a text-direction override, or nothing visible");
    public static readonly ProblemKind UnknownPerson = new("engagementImport.unknownPerson", "participant {0}: no person has the code '{1}'");
    public static readonly ProblemKind UnknownPost = new("engagementImport.unknownPost", "participant {0}: no post has the code '{1}'");
}
