using Puente.Core.Access;

namespace Puente.Web.Tests.Infrastructure;

/// <summary>The accounts every test application has, one per role and side that the access rules distinguish.</summary>
public static class TestUsers
{
    public const string Password = "Test-Passw0rd-2026";

    public sealed record TestUser(string Name, string Role, Side Side, string[] Groups);

    public static readonly TestUser MxEditor = new("mx-editor", Roles.Editor, Side.MX, []);
    public static readonly TestUser UsEditor = new("us-editor", Roles.Editor, Side.US, []);
    public static readonly TestUser MxViewer = new("mx-viewer", Roles.Viewer, Side.MX, []);
    public static readonly TestUser UsAnalyst = new("us-analyst", Roles.Analyst, Side.US, []);
    public static readonly TestUser JointViewer = new("joint-viewer", Roles.Viewer, Side.Joint, []);
    public static readonly TestUser WaterAnalyst = new("water-analyst", Roles.Analyst, Side.Joint, ["water"]);
    public static readonly TestUser MxAdmin = new("mx-admin", Roles.Administrator, Side.MX, []);
    public static readonly TestUser UsAdmin = new("us-admin", Roles.Administrator, Side.US, []);

    public static IReadOnlyList<TestUser> All { get; } = [MxEditor, UsEditor, MxViewer, UsAnalyst, JointViewer, WaterAnalyst, MxAdmin, UsAdmin];
}
