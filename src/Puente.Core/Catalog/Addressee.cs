namespace Puente.Core.Catalog;

/// <summary>Whom a recommendation of the white paper is addressed to.</summary>
public enum Addressee
{
    /// <summary>Mexico.</summary>
    MX,

    /// <summary>The United States.</summary>
    US,

    /// <summary>Mexico and the United States.</summary>
    BOTH,

    /// <summary>Mexico, the United States and Central America.</summary>
    REGIONAL,
}
