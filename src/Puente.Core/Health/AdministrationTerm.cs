namespace Puente.Core.Health;

/// <summary>A head of state's term as health and the index read it: both ends inclusive, <see cref="End"/> null when
/// open-ended (as <see cref="Catalog.Administration"/>).</summary>
public sealed record AdministrationTerm(string Code, string Country, DateOnly Start, DateOnly? End)
{
    public bool Covers(DateOnly day) => day >= Start && (End is null || day <= End.Value);
}
