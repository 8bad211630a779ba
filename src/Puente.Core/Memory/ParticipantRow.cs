namespace Puente.Core.Memory;

/// <summary>
/// One participant as the import writes it: a person (<see cref="Person"/>), a post (<see cref="Post"/>), or an
/// unnamed delegation (<see cref="Country"/> and <see cref="Seniority"/>); codes normalized, not yet looked up.
/// </summary>
public sealed record ParticipantRow(string? Person, string? Post, string Country, Seniority? Seniority, bool Lead, string Role);
