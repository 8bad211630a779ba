namespace Puente.Core.Catalog;

/// <summary>What kind of institution an actor is.</summary>
public enum ActorType
{
    Presidency,
    Ministry,
    Embassy,
    Consulate,
    ConsularAgency,
    Legislature,
    Agency,
    State,
    StateGovernment,
    Court,
    CivilSociety,
    Business,
    Academic,
    InternationalOrganization,
    Other,
}
