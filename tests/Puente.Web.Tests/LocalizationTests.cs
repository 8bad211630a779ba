using System.Text.RegularExpressions;
using System.Xml.Linq;
using Puente.Core.Access;
using Puente.Core.Audit;
using Puente.Core.Catalog;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests;

/// <summary>Every string the UI shows exists in English and in Spanish.</summary>
public sealed partial class LocalizationTests
{
    private static readonly string Resources = Path.Combine(Repo.Root, "src", "Puente.Web", "Resources");

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Fact]
    public void English_and_spanish_resources_have_the_same_keys_and_no_empty_values()
    {
        var en = Load("SharedResource.resx");
        var es = Load("SharedResource.es.resx");
        // Resource names are case-insensitive: "Access" and "access" would silently collapse into one.
        Assert.DoesNotContain(en.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase), g => g.Count() > 1);
        Assert.Empty(en.Keys.Except(es.Keys));
        Assert.Empty(es.Keys.Except(en.Keys));
        Assert.DoesNotContain(en, e => string.IsNullOrWhiteSpace(e.Value));
        Assert.DoesNotContain(es, e => string.IsNullOrWhiteSpace(e.Value));
        // Spanish is actually translated, not copied: most values differ from English.
        Assert.True(es.Count(e => e.Value != en[e.Key]) > es.Count * 0.8);
    }

    [Fact]
    public void Every_problem_the_core_rules_report_is_translated_with_the_same_arguments()
    {
        var en = Load("SharedResource.resx");
        var es = Load("SharedResource.es.resx");
        var kinds = typeof(Puente.Core.Water.WaterProblems).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Problems", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Select(f => (Puente.Core.Text.ProblemKind)f.GetValue(null)!)
            .ToList();
        Assert.True(kinds.Count >= 14, $"only {kinds.Count} problem kinds found");
        Assert.Equal(kinds.Count, kinds.Select(k => k.Code).Distinct().Count());
        foreach (var kind in kinds)
        {
            Assert.True(en.TryGetValue(kind.Code, out var english), $"{kind.Code} has no English text");
            Assert.Equal(kind.Template, english);
            Assert.True(es.TryGetValue(kind.Code, out var spanish), $"{kind.Code} has no Spanish text");
            Assert.NotEqual(english, spanish);
            Assert.Equal(Placeholders(english), Placeholders(spanish));
        }
    }

    private static string[] Placeholders(string text) => [.. Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_string_the_code_asks_for_is_in_the_resources()
    {
        var keys = Load("SharedResource.es.resx").Keys.ToHashSet(StringComparer.Ordinal);
        var source = Path.Combine(Repo.Root, "src", "Puente.Web");
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                         && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LocalizedLiteral().Matches(text))
            {
                if (!keys.Contains(Regex.Unescape(m.Groups[1].Value)))
                {
                    missing.Add($"{Path.GetFileName(file)}: {m.Groups[1].Value}");
                }
            }

            foreach (Match m in ErrorMessage().Matches(text))
            {
                if (!keys.Contains(m.Groups[1].Value))
                {
                    missing.Add($"{Path.GetFileName(file)}: {m.Groups[1].Value}");
                }
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_value_shown_by_name_has_a_translation()
    {
        var keys = Load("SharedResource.es.resx").Keys.ToHashSet(StringComparer.Ordinal);
        var names = Enum.GetNames<ActorType>().Concat(Enum.GetNames<GovernmentLevel>()).Concat(Enum.GetNames<Cadence>())
            .Concat(Enum.GetNames<Confidentiality>()).Concat(Enum.GetNames<AuditAction>()).Concat(Enum.GetNames<AuditBreakKind>())
            .Concat(Roles.All)
            .Concat(Countries.ActorCountries.Concat(Countries.Participants).Select(c => "Country." + c))
            .Concat(Enum.GetNames<Side>().Select(s => "Side." + s))
            .Concat(Enum.GetNames<Addressee>().Select(a => "Addressee." + a))
            .Concat(Enum.GetNames<Puente.Core.Plans.RecommendationStatus>().Select(s => "RecommendationStatus." + s))
            .Concat(Enum.GetNames<Puente.Core.Plans.ScorecardGrouping>().Select(g => "GroupBy." + g))
            .Concat(["Actors", "Mechanisms", "Recommendations", "Tracks", "Agenda issues"])
            .Concat(new[] { "day", "week", "month", "year" }.Select(p => "Period." + p))
            .Concat(Enum.GetNames<Puente.Core.Water.CycleEnd>().Select(e => "CycleEnd." + e))
            .Concat(Enum.GetNames<Puente.Core.Water.DeliverySource>().Select(e => "Source." + e))
            .Concat(Enum.GetNames<Puente.Core.Water.ReserveMovementKind>().Select(e => "Reserve." + e))
            .Concat(Enum.GetNames<Puente.Core.Health.MechanismStatus>().Select(s => "Health." + s))
            .Concat(Enum.GetNames<Puente.Core.Warning.IndicatorFrequency>().Select(f => "Frequency." + f))
            .Concat(Enum.GetNames<Puente.Core.Warning.Concern>().Select(c => "Concern." + c))

            .Concat(Enum.GetNames<Puente.Core.Warning.Severity>().Select(s => "Severity." + s))
            .Concat(Enum.GetNames<Puente.Core.Warning.AlertStatus>().Select(s => "AlertStatus." + s))
            .Concat(["expected by its cadence, and overdue", "expected by its cadence, not yet recorded", "Showing the whole relationship instead."]);
        Assert.DoesNotContain(names, n => !keys.Contains(n));
    }

    [GeneratedRegex("""\b(?:[Tt]|Text)\["((?:[^"\\]|\\.)*)"(?:\]|,)""")]
    private static partial Regex LocalizedLiteral();

    [GeneratedRegex("""ErrorMessage = "((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex ErrorMessage();
}
