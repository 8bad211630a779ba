namespace Puente.Data.Seeding;

#pragma warning disable CA1812 // instantiated by System.Text.Json

/// <summary>One playbook of <c>Memory/playbooks.json</c> (see Memory/README.md): what to do when an agenda issue signals.</summary>
internal sealed record PlaybookEntry(string Code, string Section, string? Issue, string? Indicator, string? Mechanism, string Owner,
    string TitleEn, string TitleEs, string WhenEn, string WhenEs, string? ChannelEn, string? ChannelEs,
    IReadOnlyList<string> StepsEn, IReadOnlyList<string> StepsEs);
#pragma warning restore CA1812
