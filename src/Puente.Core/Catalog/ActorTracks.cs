namespace Puente.Core.Catalog;

/// <summary>The track of diplomacy an actor works in when its catalog entry names none.</summary>
public static class ActorTracks
{
    public static string DefaultTrackCode(ActorType type) => type switch
    {
        ActorType.Presidency or ActorType.Ministry => "EXECUTIVE",
        ActorType.Embassy or ActorType.Agency => "ADMINISTRATIVE",
        ActorType.Consulate or ActorType.ConsularAgency => "DIASPORA-CONSULAR",
        ActorType.Legislature or ActorType.Court => "PARLIAMENTARY-JUDICIAL",
        ActorType.State or ActorType.StateGovernment => "SUBSTATE",
        ActorType.CivilSociety or ActorType.Business => "INTEREST-GROUP",
        ActorType.Academic => "PUBLIC-DIPLOMACY",
        ActorType.InternationalOrganization => "MINILATERAL-MULTILATERAL",
        _ => "INSTITUTIONAL",
    };
}
