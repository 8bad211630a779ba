using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Memory;
using Puente.Core.Warning;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// The home page as a principal reads it: every panel in English and Spanish, an open alert with its playbook, and
/// nothing of the other side's Internal material.
/// </summary>
public abstract class HomeTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    /// <summary>An MX-Internal indicator with a High alert and an MX playbook owned by a seeded MX post.</summary>
    private async Task<(string AlertCode, string PlaybookTitle)> SeedAlertAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var (scope, db) = app.Database();
        await using (scope)
        {
            const string code = "HOME-MX-ALERT";
            if (await db.Set<Indicator>().AnyAsync(i => i.Code == "HOME-MX-INTERNAL", ct))
            {
                return ("AL-" + code, "Call the counterpart desk");
            }

            var post = await db.Set<Post>().FirstAsync(p => p.Country == "MX", ct);
            var mechanism = await db.Mechanisms.FirstAsync(m => m.Code == "HLED", ct);
            var indicator = new Indicator
            {
                Id = Guid.CreateVersion7(), Code = "HOME-MX-INTERNAL", NameEn = "Remittance delays", NameEs = "Retrasos de remesas", Unit = "days",
                Frequency = IndicatorFrequency.Month, Concern = Concern.Up, IssueCode = "DIASPORA", Confidentiality = Confidentiality.Internal, OwnerSide = Side.MX,
            };
            var playbook = new Playbook
            {
                Id = Guid.CreateVersion7(), Code = "PB-HOME-MX", NameEn = "Call the counterpart desk", NameEs = "Llamar a la contraparte", IssueCode = "DIASPORA",
                IndicatorId = indicator.Id, MechanismId = mechanism.Id, OwnerPostId = post.Id, StepsEn = "Ask the consulates for cases\nBrief the undersecretary",
                StepsEs = "Pedir casos a los consulados\nInformar al subsecretario", Confidentiality = Confidentiality.Internal, OwnerSide = Side.MX,
            };
            var alert = new Alert
            {
                Id = Guid.CreateVersion7(), Code = "AL-" + code, Detector = "ewma", FirstPeriod = new DateOnly(2026, 10, 1), LastPeriod = new DateOnly(2026, 11, 1),
                Value = 12, Baseline = 4, Statistic = 7.5, Threshold = 3.5, Severity = Severity.High, Active = true, IssueCode = "DIASPORA", PlaybookId = playbook.Id,
                Status = AlertStatus.Open, OpenedAt = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), OpenKey = Alert.OpenKeyOf(indicator.Id, "ewma"),
            };
            alert.FollowAccessOf(indicator);
            db.AddRange(indicator, playbook, alert);
            await db.SaveChangesAsync(ct);
            return (alert.Code, playbook.NameEn);
        }
    }

    [Fact]
    public async Task The_home_page_shows_every_panel_in_both_languages()
    {
        app.SkipIfUnavailable();
        using var en = await app.UiAs(TestUsers.UsAnalyst, "en-US");
        var html = await en.GetStringAsync("/", TestContext.Current.CancellationToken);
        foreach (var id in new[] { "home-alerts", "home-commitments", "home-engagements", "home-mechanisms", "home-index", "home-water", "home-trends" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("Open alerts", html, StringComparison.Ordinal);
        // The seeded history: the Binational Commission last met in 2006, so it is dormant.
        Assert.Contains("mechanisms late or dormant", html, StringComparison.Ordinal);
        Assert.Contains("U.S.-Mexico Binational Commission", html, StringComparison.Ordinal);
        // Minute 323 is the Colorado minute in force until the end of 2026.
        Assert.Contains("Minute 323 is in force until", html, StringComparison.Ordinal);

        using var es = await app.UiAs(TestUsers.MxViewer, "es-MX");
        var spanish = await es.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("Alertas abiertas", spanish, StringComparison.Ordinal);
        Assert.Contains("mecanismos atrasados o inactivos", spanish, StringComparison.Ordinal);
        Assert.Contains("El Acta 323 está vigente hasta", spanish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_alert_shows_with_its_playbook_to_its_side_only()
    {
        app.SkipIfUnavailable();
        var (alertCode, title) = await SeedAlertAsync();
        using var mx = await app.UiAs(TestUsers.MxViewer, "en-US");
        var html = await mx.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains($"data-alert=\"{alertCode}\"", html, StringComparison.Ordinal);
        Assert.Contains("Remittance delays", html, StringComparison.Ordinal);
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains("First step", html, StringComparison.Ordinal);
        Assert.Contains("Ask the consulates for cases", html, StringComparison.Ordinal);

        using var us = await app.UiAs(TestUsers.UsAnalyst, "en-US");
        var other = await us.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(alertCode, other, StringComparison.Ordinal);
        Assert.DoesNotContain("Remittance delays", other, StringComparison.Ordinal);
        Assert.DoesNotContain(title, other, StringComparison.Ordinal);
        Assert.Contains("data-severity=\"High\"", other, StringComparison.Ordinal);
        Assert.DoesNotContain("High: 1", other, StringComparison.Ordinal);
    }
}
