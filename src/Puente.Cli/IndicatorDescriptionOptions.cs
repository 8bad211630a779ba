using System.CommandLine;

namespace Puente.Cli;

/// <summary>The options that describe an indicator (<c>--indicator</c> and, for a new one, the rest).</summary>
public sealed class IndicatorDescriptionOptions
{
    public Option<string> Indicator { get; } = new("--indicator") { Description = "The indicator's code, e.g. CBP-SW-ENCOUNTERS.", Required = true };
    public Option<string?> Name { get; } = new("--name") { Description = "New indicator: its name in English (required when new)." };
    public Option<string?> NameEs { get; } = new("--name-es") { Description = "New indicator: its name in Spanish." };
    public Option<string?> Unit { get; } = new("--unit") { Description = "New indicator: the unit of its values, e.g. encounters (required when new)." };
    public Option<string?> Frequency { get; } = new("--frequency") { Description = "New indicator: day, week, month, quarter or year (required when new)." };
    public Option<string?> Concern { get; } = new("--concern") { Description = "New indicator: the movement that is a concern: up, down or both (required when new)." };
    public Option<string?> Source { get; } = new("--source") { Description = "New indicator: where the values come from (English)." };
    public Option<string?> SourceEs { get; } = new("--source-es") { Description = "New indicator: where the values come from (Spanish)." };
    public Option<string?> SourceUrl { get; } = new("--source-url") { Description = "New indicator: the source's web address (http or https)." };
    public Option<string?> Confidentiality { get; } = new("--confidentiality") { Description = "New indicator: Shared (default) or Internal." };
    public Option<string?> Side { get; } = new("--side") { Description = "New indicator: the owning side, MX, US or Joint (default)." };

    public IEnumerable<Option> All => [Indicator, Name, NameEs, Unit, Frequency, Concern, Source, SourceEs, SourceUrl, Confidentiality, Side];

    public IndicatorDescription Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new(parse.GetValue(Indicator) ?? "")
        {
            Name = parse.GetValue(Name), NameEs = parse.GetValue(NameEs), Unit = parse.GetValue(Unit), Frequency = parse.GetValue(Frequency),
            Concern = parse.GetValue(Concern), Source = parse.GetValue(Source), SourceEs = parse.GetValue(SourceEs), SourceUrl = parse.GetValue(SourceUrl),
            Confidentiality = parse.GetValue(Confidentiality), Side = parse.GetValue(Side),
        };
    }
}
