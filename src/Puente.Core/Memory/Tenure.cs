using Puente.Core.Records;

namespace Puente.Core.Memory;

/// <summary>
/// A person holding a post over the half-open period [<see cref="From"/>, <see cref="To"/>): <see cref="To"/> is the
/// first day the person no longer holds it (null: still in office). A successor who takes office on the day the
/// predecessor leaves gives <c>To</c> = the successor's <c>From</c>, and on that day the successor is the holder.
/// </summary>
public sealed class Tenure : ContentRecord
{
    public const int NoteMaxLength = 500;
    public const int SourceMaxLength = 500;

    public Guid PostId { get; set; }
    public Post? Post { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>Chargé d'affaires, encargado de despacho, acting secretary.</summary>
    public bool Acting { get; set; }

    public Certainty Certainty { get; set; }
    /// <summary>Why a date was chosen, in English (and <see cref="NoteEs"/> in Spanish).</summary>
    public string? Note { get; set; }

    public string? NoteEs { get; set; }
    public string? Source { get; set; }

    public bool Covers(DateOnly day) => From <= day && (To is null || day < To.Value);

    public override string Label => Code;
}
