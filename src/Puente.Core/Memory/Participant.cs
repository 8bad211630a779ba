using Puente.Core.Records;

namespace Puente.Core.Memory;

/// <summary>
/// Who took part in an engagement: a person (whose post that day comes from the tenures), a post without a named
/// person, or an unnamed delegation of a side and level. Read exactly by who can read the engagement.
/// </summary>
public sealed class Participant : RecordPart
{
    public const int RoleMaxLength = 100;
    public const int MaxPerEngagement = 200;

    public Engagement? Engagement { get; set; }
    public Guid? PersonId { get; set; }
    public Person? Person { get; set; }

    /// <summary>The post the participant sat in, when given; otherwise found from the person's tenures that day.</summary>
    public Guid? PostId { get; set; }

    public Post? Post { get; set; }

    /// <summary>The delegation's country (MX, US, CA…); for a person or post, theirs unless stated.</summary>
    public string Country { get; set; } = "";

    /// <summary>The level of an unnamed delegation.</summary>
    public Seniority? Seniority { get; set; }

    /// <summary>Led its side's delegation.</summary>
    public bool Lead { get; set; }

    /// <summary>Free text in English ("co-chair", "Vice President").</summary>
    public string Role { get; set; } = "";

    /// <summary>The same in Spanish ("copresidente"); empty: the English is shown.</summary>
    public string RoleEs { get; set; } = "";

    public int SortOrder { get; set; }

    public override string Label => Code;
}
