namespace Puente.Core.Memory;

/// <summary>How senior a post is, from a head of state to a non-state leader (the order is the protocol order).</summary>
public enum Seniority
{
    HeadOfState = 0,
    Cabinet = 1,
    DeputySecretary = 2,
    AmbassadorOrConsulGeneral = 3,
    SeniorOfficial = 4,
    WorkingLevel = 5,
    Legislator = 6,
    GovernorOrMayor = 7,
    NonStateLeader = 8,
}
