namespace Puente.Core.Catalog;

public enum ActorType
{
    Presidency,
    ForeignMinistry,
    Embassy,
    ConsulateGeneral,
    Consulate,
    ConsularAgency,
    ConsularSection,
    BorderState,
    StateGovernment,
    Legislature,
    Agency,
    Court,
    CivilSociety,
    Business,
    Academic,
    InternationalOrganization,
    Person,
    Other,
}
