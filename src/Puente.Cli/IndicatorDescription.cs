namespace Puente.Cli;

/// <summary>
/// What an import command says of the indicator it writes into: its code and, when it is new, its description (name,
/// unit, frequency, concern, source, access). Null fields were not given. For an existing indicator the given fields
/// must agree with it: an import adds values, it does not re-describe an indicator.
/// </summary>
public sealed record IndicatorDescription(string Code)
{
    public string? Name { get; init; }
    public string? NameEs { get; init; }
    public string? Unit { get; init; }
    public string? Frequency { get; init; }
    public string? Concern { get; init; }
    public string? Source { get; init; }
    public string? SourceEs { get; init; }
    public string? SourceUrl { get; init; }
    public string? Confidentiality { get; init; }
    public string? Side { get; init; }
}
