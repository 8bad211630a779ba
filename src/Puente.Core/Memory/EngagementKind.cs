namespace Puente.Core.Memory;

/// <summary>What kind of meeting an engagement was.</summary>
public enum EngagementKind
{
    Summit = 0,
    MinisterialMeeting = 1,
    MechanismSession = 2,
    WorkingGroupMeeting = 3,
    Call = 4,
    Visit = 5,
    Conference = 6,
    Exchange = 7,
    Signing = 8,
}
