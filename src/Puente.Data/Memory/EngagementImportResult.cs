using Puente.Core.Memory;
using Puente.Core.Text;

namespace Puente.Data.Memory;

/// <summary>What an engagement import did: the table read, every problem (the file's and the database's), what was written.</summary>
public sealed record EngagementImportResult(EngagementImportTable Table, int Valid, int Written)
{
    public RowProblems Problems => Table.Problems;

    /// <summary>Nothing was written because some row (or the file) is invalid: the caller's exit is a failure.</summary>
    public bool WroteNothingBecauseOfProblems => Written == 0 && Problems.Any;
}
