using Puente.Core.Access;

namespace Puente.Core.Tests;

public sealed class AccessRuleTests
{
    private static readonly Viewer MxUser = Viewer.ForUser("u1", "ana", Side.MX, ["Water"], isAdministrator: false);
    private static readonly Viewer UsUser = Viewer.ForUser("u2", "bob", Side.US, [], isAdministrator: false);
    private static readonly Viewer JointAdmin = Viewer.ForUser("u3", "root", Side.Joint, [], isAdministrator: true);

    public static TheoryData<string, Confidentiality, Side, string[], bool> Cases => new()
    {
        { "mx", Confidentiality.Shared, Side.US, [], true },
        { "us", Confidentiality.Shared, Side.MX, [], true },
        { "anonymous", Confidentiality.Shared, Side.MX, [], false },
        { "mx", Confidentiality.Internal, Side.MX, [], true },
        { "us", Confidentiality.Internal, Side.MX, [], false },
        { "admin", Confidentiality.Internal, Side.MX, [], false }, // administrators do not see a side's internal material
        { "admin", Confidentiality.Internal, Side.Joint, [], true },
        { "mx", Confidentiality.Restricted, Side.MX, [], false },  // own side is not enough
        { "mx", Confidentiality.Restricted, Side.US, ["group:water"], true }, // group names are case-insensitive
        { "us", Confidentiality.Restricted, Side.US, ["group:water"], false },
        { "us", Confidentiality.Restricted, Side.MX, ["user:u2"], true },
        { "system", Confidentiality.Restricted, Side.MX, [], true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_rule_reads_as_documented(string who, Confidentiality confidentiality, Side owner, string[] grants, bool expected)
    {
        var viewer = who switch
        {
            "mx" => MxUser,
            "us" => UsUser,
            "admin" => JointAdmin,
            "system" => Viewer.System,
            _ => Viewer.Anonymous,
        };
        Assert.Equal(expected, viewer.CanRead(confidentiality, owner, grants));
    }

    [Fact]
    public void Group_principals_are_normalized_and_validated()
    {
        Assert.Equal("group:water-team", Principals.ForGroup("  Water-Team "));
        Assert.True(Principals.IsValidGroup("trade.usmca_2"));
        Assert.False(Principals.IsValidGroup("two words"));
        Assert.False(Principals.IsValidGroup(new string('a', 65)));
        Assert.Contains("group:water", MxUser.Principals);
        Assert.Contains("user:u1", MxUser.Principals);
    }

    [Fact]
    public void Roles_are_recognized_whatever_their_case()
    {
        Assert.Equal(Roles.Editor, Roles.Normalize(" editor "));
        Assert.Null(Roles.Normalize("emperor"));
        Assert.Null(Roles.Normalize(null));
    }
}
