using System.Globalization;
using Puente.Core.Access;
using Puente.Core.Warning;

namespace Puente.Web.Tests.Infrastructure;

/// <summary>The real southwest border data the backtest tests use: the DHS/CBP encounter files in ../shared/data and the
/// four crises of docs/early-warning-defaults.md (tests/Puente.Core.Tests/TestData/southwest-border-crises.csv).</summary>
public static class SouthwestBorder
{
    public static string File(string name) => Path.Combine(Repo.Shared, "data", "cbp_encounters", name);

    /// <summary>The OHSS "Monthly Region" sheet (Border Patrol, October 1999 – November 2024).</summary>
    public static string RegionFile => File("ohss_usbp_monthly_region.csv");

    /// <summary>The four crises as a user marks them: Shared, of the MIGRATION issue, coded CRISIS-YYYY-MM.</summary>
    public static IReadOnlyList<MarkedCrisis> Crises() =>
    [
        .. System.IO.File.ReadAllLines(Path.Combine(Repo.Root, "tests", "Puente.Core.Tests", "TestData", "southwest-border-crises.csv")).Skip(1)
            .Select(line => line.Split(',', 4))
            .Select(c => new MarkedCrisis
            {
                Id = Guid.CreateVersion7(),
                Code = "CRISIS-" + c[0][..7],
                Start = DateOnly.Parse(c[0], CultureInfo.InvariantCulture),
                End = DateOnly.Parse(c[1], CultureInfo.InvariantCulture),
                IssueCode = c[2],
                NameEn = c[3],
                NameEs = "Crisis: " + c[3],
                Confidentiality = Confidentiality.Shared,
                OwnerSide = Side.Joint,
            }),
    ];
}
