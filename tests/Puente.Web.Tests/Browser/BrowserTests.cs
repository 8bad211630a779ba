using Microsoft.Playwright;

namespace Puente.Web.Tests.Browser;

/// <summary>What a newcomer does first, in a real browser: sign in, change the generated password, read in Spanish,
/// create an actor and see its history.</summary>
[Collection(BrowserJourneys.Name)]
public sealed class BrowserTests(BrowserFixture fixture)
{
    /// <summary>
    /// A navigation has happened when the new document is committed; the steps after it wait for the elements they use.
    /// Waiting for the "load" lifecycle event instead timed out once in CI although the browser had already reported
    /// the network idle (a lost lifecycle event, not a slow page).
    /// </summary>
    private static readonly PageWaitForURLOptions Navigated = new() { WaitUntil = WaitUntilState.Commit };

    [Fact]
    public async Task A_newcomer_signs_in_switches_to_spanish_creates_an_actor_and_sees_its_history()
    {
        if (fixture.SkipReason is not null)
        {
            Assert.Skip(fixture.SkipReason);
        }

        var web = fixture.Web!;
        await using var context = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", BaseURL = web.BaseUrl });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15000);

        // The admin password is where the README says; the first sign-in forces a change.
        var generated = (await File.ReadAllTextAsync(Path.Combine(fixture.DataDirectory, "initial-admin-password"))).Trim();
        Assert.Contains(Path.Combine(fixture.DataDirectory, "initial-admin-password"), web.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(generated, web.Output, StringComparison.Ordinal);

        await page.GotoAsync("/");
        Assert.EndsWith("/Account/Login?ReturnUrl=%2F", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#Input_UserName", "admin");
        await page.FillAsync("#Input_Password", generated);
        await page.ClickAsync("#sign-in");
        try
        {
            await page.WaitForURLAsync("**/Account/ChangePassword", Navigated);
        }
        catch (TimeoutException)
        {
            // Say where the browser is and what it shows, so a failure here explains itself.
            Assert.Fail($"Sign-in did not reach the password change; at {page.Url}: {await page.InnerTextAsync("main")}\n{web.Output}");
        }

        Assert.True(await page.IsVisibleAsync("#must-change"));
        await page.FillAsync("#Input_CurrentPassword", generated);
        await page.FillAsync("#Input_NewPassword", "Browser-Admin-2026");
        await page.FillAsync("#Input_ConfirmPassword", "Browser-Admin-2026");
        await page.ClickAsync("#change-password");
        await page.WaitForURLAsync(web.BaseUrl + "/", Navigated);
        Assert.Contains("Today in the relationship", await page.InnerTextAsync("h1"), StringComparison.Ordinal);

        // Switch to Spanish: the choice persists across pages.
        await page.ClickAsync("#switch-language");
        await page.WaitForSelectorAsync("html[lang=es]");
        Assert.Contains("Hoy en la relación", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await page.GotoAsync("/Actors");
        Assert.Equal("Actores", await page.InnerTextAsync("h1"));
        Assert.Equal("English", (await page.InnerTextAsync("#switch-language")).Trim());

        // Create an actor.
        await page.ClickAsync("#new-actor");
        await page.WaitForURLAsync("**/Actors/Edit", Navigated);
        await page.FillAsync("#Input_Code", "MX-TEST-BROWSER");
        await page.FillAsync("#Input_NameEn", "Border liaison office (test)");
        await page.FillAsync("#Input_NameEs", "Oficina de enlace fronterizo (prueba)");
        await page.SelectOptionAsync("#Input_Type", "Agency");
        await page.SelectOptionAsync("#Input_Country", "MX");
        await page.SelectOptionAsync("#Input_TrackCode", "SUBSTATE");
        await page.FillAsync("#Input_City", "Ciudad Juárez");
        await page.ClickAsync("#save");
        await page.WaitForURLAsync("**/Actors/Details/**", Navigated);
        Assert.Equal("Oficina de enlace fronterizo (prueba)", await page.InnerTextAsync("#record-title"));

        // Its page shows the audit history, in Spanish.
        var history = await page.InnerTextAsync("#history");
        Assert.Contains("Creado", history, StringComparison.Ordinal);
        Assert.Contains("admin", history, StringComparison.Ordinal);
        Assert.Contains("Ciudad Juárez", history, StringComparison.Ordinal);

        // Searching finds it.
        await page.GotoAsync("/Actors?q=enlace");
        Assert.Contains("Oficina de enlace fronterizo (prueba)", await page.InnerTextAsync("#actors"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_390_px_phone_no_main_page_is_wider_than_the_screen_and_the_menu_opens_from_its_button()
    {
        if (fixture.SkipReason is not null)
        {
            Assert.Skip(fixture.SkipReason);
        }

        using (var output = new StringWriter())
        {
            Assert.Equal(0, await Puente.Cli.PuenteCli.RunAsync(["users", "add", "phone", "--role", "Editor", "--side", "MX", "--data-dir", fixture.DataDirectory],
                new StringReader("Phone-Passw0rd-2026\n"), output, output));
        }

        await using var context = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "es-MX", BaseURL = fixture.Web!.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15000);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_UserName", "phone");
        await page.FillAsync("#Input_Password", "Phone-Passw0rd-2026");
        await page.ClickAsync("#sign-in");
        await page.WaitForSelectorAsync("#current-user", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

        // Closed, the menu is one button; open, it shows the links.
        Assert.False(await page.IsVisibleAsync("#main-nav"));
        await page.ClickAsync("#nav-toggle");
        Assert.False(await page.IsVisibleAsync("#main-nav a[href='/Water']"));
        await page.ClickAsync("#nav-signals summary");
        Assert.True(await page.IsVisibleAsync("#main-nav a[href='/Water']"));

        foreach (var url in new[] { "/", "/Actors", "/Mechanisms", "/Engagements", "/People", "/Posts", "/Posts/Details/MX-PRESIDENT", "/Catalog/Recommendations", "/Catalog", "/Events", "/Events/Narrative", "/Water",
                     "/Water?AsOf=2025-10-24&Year=2023&Elevation=1047.61", "/Plans", "/Plans/WHITE-PAPER-2025", "/Recommendations/III-04",
                     "/Institutionalization", "/Mechanisms/Details/HLED?asOf=2018-06-30", "/Commitments", "/Commitments/Details/W-MINUTE-323-2",
                     "/Issues", "/Issues/MIGRATION", "/Issues/MIGRATION/Edit", "/Positions", "/Positions/Edit?issue=MIGRATION", "/Playbooks",
                     "/Playbooks/Details/PB-MIGRATION-ENCOUNTERS", "/Playbooks/Edit?issue=WATER", "/Crises", "/Crises/Edit" })
        {
            await page.GotoAsync(url);
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, url);
        }
    }

    [Fact]
    public async Task The_browser_follows_accept_language_before_any_choice()
    {
        if (fixture.SkipReason is not null)
        {
            Assert.Skip(fixture.SkipReason);
        }

        await using var context = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "es-MX", BaseURL = fixture.Web!.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        Assert.Equal("Iniciar sesión en Puente", await page.InnerTextAsync("h1"));
        await page.FillAsync("#Input_UserName", "nobody");
        await page.FillAsync("#Input_Password", "wrong-password-1");
        await page.ClickAsync("#sign-in");
        await page.WaitForSelectorAsync(".validation-summary-errors");
        Assert.Contains("Usuario o contraseña incorrectos, o la cuenta está bloqueada", await page.InnerTextAsync(".validation-summary-errors"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_mx_editor_records_an_internal_engagement_that_a_us_viewer_sees_only_once_it_is_shared()
    {
        if (fixture.SkipReason is not null)
        {
            Assert.Skip(fixture.SkipReason);
        }

        foreach (var (name, role, side) in new[] { ("memory-mx-editor", "Editor", "MX"), ("memory-us-viewer", "Viewer", "US") })
        {
            using var output = new StringWriter();
            Assert.Equal(0, await Puente.Cli.PuenteCli.RunAsync(["users", "add", name, "--role", role, "--side", side, "--data-dir", fixture.DataDirectory],
                new StringReader("Memory-Passw0rd-2026\n"), output, output));
        }

        var web = fixture.Web!;
        await using var editorContext = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", BaseURL = web.BaseUrl });
        await using var viewerContext = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", BaseURL = web.BaseUrl });
        var editor = await SignInAsync(editorContext, "memory-mx-editor");
        var viewer = await SignInAsync(viewerContext, "memory-us-viewer");

        // The MX editor records an engagement, Internal to MX, with a person and a post found by the picker.
        await editor.GotoAsync("/Engagements/Edit");
        await editor.FillAsync("#Input_TitleEn", "Browser journey meeting (test)");
        await editor.FillAsync("#Input_TitleEs", "Reunión del recorrido en navegador (prueba)");
        await editor.SelectOptionAsync("#Input_Kind", "MinisterialMeeting");
        await editor.FillAsync("#Input_Start", "2010-05-19T10:00");
        await editor.FillAsync("#Input_End", "2010-05-19T12:00");
        await editor.FillAsync("#Input_TimeZone", "America/Mexico_City");
        await editor.FillAsync("#Input_Place", "Mexico City");
        await editor.FillAsync(".participant-row[data-index='0'] .participant-search", "Calder");
        await editor.ClickAsync(".participant-row[data-index='0'] .participant-suggestion[data-code='FELIPE-CALDERON']");
        Assert.Equal("FELIPE-CALDERON", await editor.InputValueAsync("#Input_Participants_0__Person"));
        await editor.FillAsync(".participant-row[data-index='1'] .participant-search", "President of the United");
        await editor.ClickAsync(".participant-row[data-index='1'] .participant-suggestion[data-code='US-PRESIDENT']");
        Assert.Equal("US-PRESIDENT", await editor.InputValueAsync("#Input_Participants_1__Post"));
        await editor.SelectOptionAsync("#Input_Confidentiality", "Internal");
        await editor.SelectOptionAsync("#Input_OwnerSide", "MX");
        await editor.ClickAsync("#save");
        await editor.WaitForURLAsync("**/Engagements/Details/**", Navigated);
        var details = new Uri(editor.Url).PathAndQuery;
        var participants = await editor.InnerTextAsync("#participants");
        Assert.Contains("Felipe Calderón", participants, StringComparison.Ordinal);
        Assert.Contains("President of Mexico", participants, StringComparison.Ordinal);
        Assert.Contains("President of the United States", participants, StringComparison.Ordinal);

        // It gets a PDF.
        var pdf = Path.Combine(fixture.DataDirectory, "journey-minutes.pdf");
        await File.WriteAllBytesAsync(pdf, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());
        await editor.ClickAsync("#attachments-edit");
        await editor.WaitForURLAsync("**/Engagements/Attachments/**", Navigated);
        await editor.SetInputFilesAsync("#file", pdf);
        await editor.ClickAsync("#upload");
        await editor.WaitForSelectorAsync("#attachments a:has-text('journey-minutes.pdf')");

        // The US viewer neither lists it nor opens it.
        await viewer.GotoAsync("/Engagements?q=browser+journey");
        Assert.DoesNotContain("Browser journey meeting", await viewer.InnerTextAsync("#engagements"), StringComparison.Ordinal);
        var hidden = await viewer.GotoAsync(details);
        Assert.Equal(404, hidden!.Status);

        // Shared by the MX editor, it is there for the US viewer, with its participants and its attachment.
        await editor.GotoAsync(details.Replace("/Details/", "/Edit/", StringComparison.Ordinal));
        Assert.Equal("FELIPE-CALDERON", await editor.InputValueAsync("#Input_Participants_0__Person"));
        await editor.SelectOptionAsync("#Input_Confidentiality", "Shared");
        await editor.ClickAsync("#save");
        await editor.WaitForURLAsync("**/Engagements/Details/**", Navigated);
        await editor.WaitForSelectorAsync("#participants");

        await viewer.GotoAsync("/Engagements?q=browser+journey");
        Assert.Contains("Browser journey meeting (test)", await viewer.InnerTextAsync("#engagements"), StringComparison.Ordinal);
        var shown = await viewer.GotoAsync(details);
        Assert.Equal(200, shown!.Status);
        var seen = await viewer.InnerTextAsync("#participants");
        Assert.Contains("Felipe Calderón", seen, StringComparison.Ordinal);
        Assert.Contains("President of the United States", seen, StringComparison.Ordinal);
        Assert.Contains("journey-minutes.pdf", await viewer.InnerTextAsync("#attachments"), StringComparison.Ordinal);
        Assert.False(await viewer.IsVisibleAsync("#edit"));
    }

    [Fact]
    public async Task An_mx_editor_records_a_commitment_at_an_engagement_its_reminder_arrives_by_email_and_a_us_viewer_sees_it_once_shared_and_kept()
    {
        if (fixture.SkipReason is not null)
        {
            Assert.Skip(fixture.SkipReason);
        }

        const string editorMail = "ledger.editor@sre.example";
        foreach (var (name, role, side, extra) in new[]
        {
            ("ledger-mx-editor", "Editor", "MX", new[] { "--posts", "MX-FOREIGN-SECRETARY", "--email", editorMail }),
            ("ledger-us-viewer", "Viewer", "US", Array.Empty<string>()),
        })
        {
            using var output = new StringWriter();
            Assert.Equal(0, await Puente.Cli.PuenteCli.RunAsync(["users", "add", name, "--role", role, "--side", side, "--data-dir", fixture.DataDirectory, .. extra],
                new StringReader("Memory-Passw0rd-2026\n"), output, output));
        }

        var web = fixture.Web!;
        await using var editorContext = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", BaseURL = web.BaseUrl });
        await using var viewerContext = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", BaseURL = web.BaseUrl });
        var editor = await SignInAsync(editorContext, "ledger-mx-editor");
        var viewer = await SignInAsync(viewerContext, "ledger-us-viewer");

        // From the engagement's page, with an owner post on each side, due in three days, Internal to MX.
        await editor.GotoAsync("/Engagements/Details/BGC-2012-10-03");
        await editor.ClickAsync("#new-commitment");
        await editor.WaitForURLAsync("**/Commitments/Edit?engagement=*", Navigated);
        Assert.Equal("BGC-2012-10-03", await editor.InputValueAsync("#Input_Engagement"));
        await editor.FillAsync("#Input_TextEn", "Publish the border crossing wait-time data (journey)");
        await editor.FillAsync("#Input_TextEs", "Publicar los datos de tiempos de espera en los cruces (recorrido)");
        await editor.FillAsync("#Input_OwnerMx", "MX-FOREIGN-SECRETARY");
        await editor.FillAsync("#Input_OwnerUs", "US-SECRETARY-OF-STATE");
        var due = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await editor.FillAsync("#Input_Due", due);
        await editor.SelectOptionAsync("#Input_Confidentiality", "Internal");
        await editor.SelectOptionAsync("#Input_OwnerSide", "MX");
        await editor.ClickAsync("#save");
        await editor.WaitForURLAsync("**/Commitments/Details/**", Navigated);
        var details = new Uri(editor.Url).PathAndQuery;
        Assert.Contains("Publicar los datos de tiempos de espera", await editor.InnerTextAsync("#text-es"), StringComparison.Ordinal);
        Assert.Contains("Border Governors Conference", await editor.InnerTextAsync("#made"), StringComparison.Ordinal);

        // The US viewer can neither open nor list it.
        Assert.Equal(404, (await viewer.GotoAsync(details))!.Status);
        await viewer.GotoAsync("/Commitments?q=journey");
        Assert.DoesNotContain("wait-time", await viewer.InnerTextAsync("#commitments"), StringComparison.Ordinal);

        // The reminder reaches the editor's mailbox (the job looks every minute, the outbox sends every 10 s).
        MimeKit.MimeMessage? reminder = null;
        for (var waited = 0; waited < 150 && reminder is null; waited++)
        {
            reminder = fixture.Smtp!.Received.FirstOrDefault(m => (m.TextBody ?? "").Contains("wait-time data (journey)", StringComparison.Ordinal));
            if (reminder is null)
            {
                await Task.Delay(1000);
            }
        }

        Assert.NotNull(reminder);
        Assert.Equal(editorMail, reminder.To.Mailboxes.Single().Address);
        Assert.Contains("vence en 3 días", reminder.Subject, StringComparison.Ordinal);

        // Shared, then kept with evidence: the US viewer sees it, kept.
        await editor.GotoAsync(details.Replace("/Details/", "/Edit/", StringComparison.Ordinal));
        await editor.SelectOptionAsync("#Input_Confidentiality", "Shared");
        await editor.ClickAsync("#save");
        await editor.WaitForURLAsync("**/Commitments/Details/**", Navigated);
        await editor.SelectOptionAsync("#Input_Status", "Kept");
        await editor.ClickAsync("#save-status");
        await editor.WaitForSelectorAsync("#evidence-error:has-text('needs evidence')");
        await editor.SelectOptionAsync("#Input_Status", "Kept");
        await editor.FillAsync("#Input_EvidenceUrl", "https://example.org/wait-times");
        await editor.ClickAsync("#save-status");
        await editor.WaitForURLAsync("**/Commitments/Details/**", Navigated);
        Assert.Contains("Kept", await editor.InnerTextAsync("#status-history"), StringComparison.Ordinal);

        Assert.Equal(200, (await viewer.GotoAsync(details))!.Status);
        Assert.Contains("https://example.org/wait-times", await viewer.InnerTextAsync("#status-history"), StringComparison.Ordinal);
        Assert.False(await viewer.IsVisibleAsync("#status-form"));
        await viewer.GotoAsync("/Commitments?q=journey");
        Assert.Contains("wait-time", await viewer.InnerTextAsync("#commitments"), StringComparison.Ordinal);
    }

    private static async Task<IPage> SignInAsync(IBrowserContext context, string user)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15000);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_UserName", user);
        await page.FillAsync("#Input_Password", "Memory-Passw0rd-2026");
        await page.ClickAsync("#sign-in");
        await page.WaitForSelectorAsync("#current-user", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        return page;
    }
}
