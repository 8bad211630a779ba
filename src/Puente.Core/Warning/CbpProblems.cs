using Puente.Core.Text;

namespace Puente.Core.Warning;

/// <summary>Every problem <see cref="CbpEncounters"/> reports. The web layer translates each <see cref="ProblemKind.Code"/> (EN/ES).</summary>
public static class CbpProblems
{
    public static readonly ProblemKind FileTooLarge = new("cbp.fileTooLarge", "the file is larger than {0} MB; a CBP encounter sheet is far smaller");
    public static readonly ProblemKind Utf16 = new("cbp.utf16", "the file is UTF-16 text; save it as UTF-8 (in a spreadsheet: CSV UTF-8)");
    public static readonly ProblemKind NotUtf8 = new("cbp.notUtf8",
        "the file is not UTF-8 text (invalid byte at offset {0}, line {1}); save it as UTF-8 (in a spreadsheet: CSV UTF-8)");
    public static readonly ProblemKind NoHeader = new("cbp.noHeader", "the file is empty; the first row must name the columns");
    public static readonly ProblemKind UnknownLayout = new("cbp.unknownLayout",
        "the header '{0}' is not a CBP encounter layout; expected one of: {1}");
    public static readonly ProblemKind NotInLayout = new("cbp.notInLayout", "the {0} layout has no {1}; use a file that has it");
    public static readonly ProblemKind OhssBorderPatrolOnly = new("cbp.ohssBorderPatrolOnly",
        "the {0} layout counts U.S. Border Patrol encounters only; Office of Field Operations figures are in the CBP Southwest Land Border file");
    public static readonly ProblemKind SouthwestOnly = new("cbp.southwestOnly",
        "the CBP Southwest Land Border file covers that region only, not '{0}'");
    public static readonly ProblemKind TooManyRows = new("cbp.tooManyRows", "the file has more than {0} rows");
    public static readonly ProblemKind TooManySeries = new("cbp.tooManySeries", "the file names more than {0} different {1}");
    public static readonly ProblemKind FieldCount = new("cbp.fieldCount", "the header has {0} columns but this row has {1} fields");
    public static readonly ProblemKind UnclosedQuote = new("cbp.unclosedQuote", "a quoted field is not closed: the rest of the file is read as one field");
    public static readonly ProblemKind Required = new("cbp.required", "is required");
    public static readonly ProblemKind BadFiscalYear = new("cbp.badFiscalYear", "'{0}' is not a fiscal year from {1} to {2}");
    public static readonly ProblemKind UnknownMonth = new("cbp.unknownMonth", "'{0}' is not a month; write it as the file does, e.g. {1}");
    public static readonly ProblemKind NotAQuantity = new("cbp.notAQuantity", "'{0}' is not a whole number of encounters");
    public static readonly ProblemKind NegativeQuantity = new("cbp.negativeQuantity", "{0} is negative; a count of encounters cannot be");
    public static readonly ProblemKind QuantityTooLarge = new("cbp.quantityTooLarge", "{0} is more than {1} encounters in one row");
    public static readonly ProblemKind UnknownComponent = new("cbp.unknownComponent", "'{0}' is not a component; expected {1}");
    public static readonly ProblemKind DuplicateRow = new("cbp.duplicateRow", "repeats row {0} (same fiscal year, month and {1}); a sheet gives each once");
}
