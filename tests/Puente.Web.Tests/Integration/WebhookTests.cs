using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Core.Access;
using Puente.Core.Commitments;
using Puente.Core.Memory;
using Puente.Core.Records;
using Puente.Core.Webhooks;
using Puente.Data.Webhooks;
using Puente.Web.Scheduling;
using Puente.Web.Tests.Infrastructure;
using Puente.Web.Webhooks;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// Signed webhooks against a real HTTP receiver on loopback: an event reaches each subscription whose account may read
/// its subject, once, signed with the secret returned at creation; a 500 is repeated within the run and a receiver that
/// keeps failing is retried in later runs, then given up, every request in the delivery log; the address policy refuses
/// the host's own addresses at creation and at connection; the secret is in no log line and nowhere in the audit trail.
/// The dispatch job is run by hand and the clock moved by the test: nothing waits.
/// </summary>
public abstract partial class WebhookTests<TApp>(TApp app)
    where TApp : PuenteApp, IWebhookApp
{
    private WebhookRig Rig => app.Hooks;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_delivery_arrives_once_signed_with_the_secret_given_at_creation_and_a_rerun_sends_nothing_twice()
    {
        app.SkipIfUnavailable();
        await OnlyNewSubscriptionsAsync();
        var name = NewName();
        var (id, secret) = await CreateAsync(TestUsers.MxAdmin, name, [WebhookEvents.AlertOpened, WebhookEvents.AlertResolved]);
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var person = await NewPersonAsync(Confidentiality.Shared, Side.MX);
        var key = NewKey();

        Assert.Equal(1, await EnqueueAsync(person, WebhookEvents.AlertOpened, key, new { title = "Encuentros en la frontera suben", severity = "High", value = 12.5 }));
        await DispatchAsync();
        Assert.Equal(0, await EnqueueAsync(person, WebhookEvents.AlertOpened, key, new { title = "again" })); // the same event again
        await DispatchAsync();

        var request = Assert.Single(Rig.Receiver.At(name));
        Assert.Equal(WebhookEvents.AlertOpened, request.Headers["X-Puente-Event"]);
        var delivery = await DeliveryAsync(id, key);
        Assert.Equal(delivery.Id.ToString(), request.Headers["X-Puente-Delivery"]);
        var timestamp = long.Parse(request.Headers["X-Puente-Timestamp"], CultureInfo.InvariantCulture);
        Assert.Equal(Rig.Clock.GetUtcNow().ToUnixTimeSeconds(), timestamp);
        Assert.Equal(Sign(secret, timestamp, request.Body), request.Headers["X-Puente-Signature"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);

        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal(WebhookEvents.AlertOpened, root.GetProperty("event").GetString());
        Assert.Equal(key, root.GetProperty("key").GetString());
        Assert.Equal(Rig.Clock.GetUtcNow(), root.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(person.Id, root.GetProperty("subject").GetProperty("id").GetGuid());
        Assert.Equal(nameof(Person), root.GetProperty("subject").GetProperty("type").GetString());
        Assert.Equal("Encuentros en la frontera suben", root.GetProperty("data").GetProperty("title").GetString());
        Assert.Contains("Encuentros en la frontera", Encoding.UTF8.GetString(request.Body), StringComparison.Ordinal); // UTF-8, not escaped

        // The delivery log, through the API, as the administrator reads it.
        using var api = await app.ApiAs(TestUsers.MxAdmin);
        var log = await api.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{id}/deliveries", Ct);
        var item = Assert.Single(log.GetProperty("items").EnumerateArray());
        Assert.Equal(200, item.GetProperty("statusCode").GetInt32());
        Assert.True(item.GetProperty("succeeded").GetBoolean());
        Assert.Equal(key, item.GetProperty("key").GetString());
        Assert.Equal(delivery.Id, item.GetProperty("deliveryId").GetGuid());
        Assert.NotNull((await DeliveryAsync(id, key)).SentAt);
    }

    [Fact]
    public async Task A_500_is_repeated_within_the_run_and_the_log_shows_both_requests_newest_first()
    {
        app.SkipIfUnavailable();
        await OnlyNewSubscriptionsAsync();
        var name = NewName();
        var (id, secret) = await CreateAsync(TestUsers.MxAdmin, name, [WebhookEvents.AlertUpdated]);
        Rig.Receiver.Answer(name, 500, 200);
        var key = NewKey();
        await EnqueueAsync(await NewPersonAsync(Confidentiality.Shared, Side.MX), WebhookEvents.AlertUpdated, key, new { value = 1 });

        await DispatchAsync();

        var requests = Rig.Receiver.At(name);
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(Sign(secret, long.Parse(r.Headers["X-Puente-Timestamp"], CultureInfo.InvariantCulture), r.Body), r.Headers["X-Puente-Signature"]));
        Assert.Equal(requests[0].Headers["X-Puente-Delivery"], requests[1].Headers["X-Puente-Delivery"]); // one delivery, two requests
        using var api = await app.ApiAs(TestUsers.MxAdmin);
        var items = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{id}/deliveries", Ct)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([(2, 200, true), (1, 500, false)], items.Select(i => (i.GetProperty("attempt").GetInt32(), i.GetProperty("statusCode").GetInt32(), i.GetProperty("succeeded").GetBoolean())));
        Assert.Contains("500", items[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        var delivery = await DeliveryAsync(id, key);
        Assert.NotNull(delivery.SentAt);
        Assert.Equal(1, delivery.Attempts); // one run
    }

    [Fact]
    public async Task A_receiver_that_keeps_failing_is_retried_in_later_runs_after_a_growing_wait_then_given_up()
    {
        app.SkipIfUnavailable();
        await OnlyNewSubscriptionsAsync();
        var name = NewName();
        var (id, _) = await CreateAsync(TestUsers.MxAdmin, name, [WebhookEvents.AlertAcknowledged]);
        Rig.Receiver.Answer(name, [.. Enumerable.Repeat(503, 20)]);
        var key = NewKey();
        await EnqueueAsync(await NewPersonAsync(Confidentiality.Shared, Side.MX), WebhookEvents.AlertAcknowledged, key, new { value = 1 });

        await DispatchAsync();
        var first = await DeliveryAsync(id, key);
        Assert.Equal((1, Rig.Clock.GetUtcNow() + TimeSpan.FromMinutes(1)), (first.Attempts, first.NextAttemptAt));
        Assert.Null(first.SentAt);
        await DispatchAsync(); // not due yet
        Assert.Equal(2, Rig.Receiver.At(name).Count); // a request and its repeat

        Rig.Clock.Advance(TimeSpan.FromMinutes(1));
        await DispatchAsync();
        Assert.Equal(Rig.Clock.GetUtcNow() + TimeSpan.FromMinutes(2), (await DeliveryAsync(id, key)).NextAttemptAt); // the wait doubles
        Rig.Clock.Advance(TimeSpan.FromMinutes(2));
        await DispatchAsync(); // the third and last run (Puente:Webhooks:MaxAttempts = 3)

        var failed = await DeliveryAsync(id, key);
        Assert.Equal(3, failed.Attempts);
        Assert.NotNull(failed.FailedAt);
        Assert.Null(failed.NextAttemptAt);
        Assert.Contains("503", failed.LastError, StringComparison.Ordinal);
        Rig.Clock.Advance(TimeSpan.FromMinutes(10)); // (bearer tokens of the class last an hour of this clock)
        await DispatchAsync();
        Assert.Equal(6, Rig.Receiver.At(name).Count);
        using var api = await app.ApiAs(TestUsers.MxAdmin);
        var log = await api.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{id}/deliveries?pageSize=4", Ct);
        Assert.Equal(6, log.GetProperty("total").GetInt32());
        Assert.Equal([6, 5, 4, 3], log.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("attempt").GetInt32()));
    }

    [Fact]
    public async Task A_subscription_whose_account_cannot_read_the_subject_gets_nothing()
    {
        app.SkipIfUnavailable();
        await OnlyNewSubscriptionsAsync();
        string mxName = NewName(), usName = NewName();
        var (mxId, _) = await CreateAsync(TestUsers.MxAdmin, mxName, [WebhookEvents.AlertDismissed]);
        var (usId, _) = await CreateAsync(TestUsers.UsAdmin, usName, [WebhookEvents.AlertDismissed]);
        var mexican = await NewCommitmentAsync(Confidentiality.Internal, Side.MX);
        var restricted = await NewPersonAsync(Confidentiality.Restricted, Side.MX, grantTo: TestUsers.UsAdmin);
        string internalKey = NewKey(), restrictedKey = NewKey();

        Assert.Equal(1, await EnqueueAsync(mexican, WebhookEvents.AlertDismissed, internalKey, new { reason = "false alarm" }));
        Assert.Equal(1, await EnqueueAsync(restricted, WebhookEvents.AlertDismissed, restrictedKey, new { reason = "granted to the U.S. administrator by name" }));
        await DispatchAsync();

        Assert.Equal([internalKey], Rig.Receiver.At(mxName).Select(KeyOf));
        Assert.Equal([restrictedKey], Rig.Receiver.At(usName).Select(KeyOf));
        Assert.Null(await FindDeliveryAsync(usId, internalKey));
        Assert.Null(await FindDeliveryAsync(mxId, restrictedKey));
    }

    [Fact]
    public async Task A_delivery_whose_subject_became_unreadable_before_it_was_sent_is_given_up_unsent()
    {
        app.SkipIfUnavailable();
        await OnlyNewSubscriptionsAsync();
        var name = NewName();
        var (id, _) = await CreateAsync(TestUsers.UsAdmin, name, [WebhookEvents.AlertResolved]);
        var person = await NewPersonAsync(Confidentiality.Shared, Side.MX);
        var key = NewKey();
        Assert.Equal(1, await EnqueueAsync(person, WebhookEvents.AlertResolved, key, new { value = 1 }));
        var (scope, db) = app.Database();
        await using (scope)
        {
            var stored = await db.Set<Person>().SingleAsync(p => p.Id == person.Id, Ct);
            stored.Confidentiality = Confidentiality.Internal; // now Mexican-internal: the U.S. account may not read it
            await db.SaveChangesAsync(Ct);
        }

        await DispatchAsync();

        Assert.Empty(Rig.Receiver.At(name));
        var delivery = await DeliveryAsync(id, key);
        Assert.NotNull(delivery.FailedAt);
        Assert.Contains("may no longer read", delivery.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_switched_off_subscription_is_sent_nothing_until_it_is_switched_on()
    {
        app.SkipIfUnavailable();
        await OnlyNewSubscriptionsAsync();
        var name = NewName();
        var (id, _) = await CreateAsync(TestUsers.MxAdmin, name, [WebhookEvents.AlertOpened]);
        var person = await NewPersonAsync(Confidentiality.Shared, Side.MX);
        var key = NewKey();
        await EnqueueAsync(person, WebhookEvents.AlertOpened, key, new { value = 1 });
        using var api = await app.ApiAs(TestUsers.MxAdmin);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/webhooks/{id}/disable", null, Ct)).StatusCode);

        await DispatchAsync();
        Assert.Empty(Rig.Receiver.At(name));
        Assert.Equal(0, await EnqueueAsync(person, WebhookEvents.AlertOpened, NewKey(), new { value = 2 })); // off: not queued either

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/webhooks/{id}/enable", null, Ct)).StatusCode);
        await DispatchAsync();
        Assert.Equal([key], Rig.Receiver.At(name).Select(KeyOf));
    }

    [Theory]
    [InlineData("http://localhost/hooks/x")]
    [InlineData("http://127.0.0.2/hooks/x")]
    [InlineData("http://127.255.255.254:8080/")]
    [InlineData("http://[::1]/hooks/x")]
    [InlineData("http://[::]/hooks/x")]
    [InlineData("http://0.0.0.0/hooks/x")]
    [InlineData("http://0.1.2.3/hooks/x")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[fe80::1]/hooks/x")]
    [InlineData("http://[febf::1]/hooks/x")]
    [InlineData("http://[::ffff:127.0.0.1]/hooks/x")]
    [InlineData("http://[::ffff:169.254.169.254]/hooks/x")]
    [InlineData("http://[::ffff:0.0.0.0]/hooks/x")]
    [InlineData("http://[::127.0.0.1]/hooks/x")]
    [InlineData("http://2130706434/hooks/x")] // 127.0.0.2 (127.0.0.1 is the test receiver's, allowed)
    [InlineData("http://0x7f.2/hooks/x")]
    [InlineData("ftp://receiver.example/hooks")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/hooks/relative")]
    [InlineData("receiver.example/hooks")]
    [InlineData("https://user:pass@receiver.example/hooks")]
    public async Task Addresses_the_policy_refuses_are_refused_at_creation_naming_the_field(string url)
    {
        app.SkipIfUnavailable();
        await OnlyNewSubscriptionsAsync();
        using var api = await app.ApiAs(TestUsers.MxAdmin);
        var response = await api.PostAsJsonAsync("/api/v1/webhooks", new { name = "Refused", url, events = new[] { WebhookEvents.AlertOpened } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("url", out var messages), errors.ToString());
        Assert.NotEmpty(messages.EnumerateArray().First().GetString()!);
    }

    [Fact]
    public async Task Refusals_say_why_in_the_request_language_and_other_fields_are_bounded()
    {
        app.SkipIfUnavailable();
        await OnlyNewSubscriptionsAsync();
        using var es = await app.ApiAs(TestUsers.MxAdmin, "es-MX");
        var refused = await ErrorsAsync(es, new { name = "Metadatos", url = "http://169.254.169.254/", events = new[] { WebhookEvents.AlertOpened } });
        Assert.Contains("169.254.169.254", refused.GetProperty("url")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("enlace local", refused.GetProperty("url")[0].GetString(), StringComparison.Ordinal);

        using var en = await app.ApiAs(TestUsers.MxAdmin, "en-US");
        var local = await ErrorsAsync(en, new { name = "Local", url = "http://localhost:9/", events = new[] { WebhookEvents.AlertOpened } });
        Assert.Contains("resolves to", local.GetProperty("url")[0].GetString(), StringComparison.Ordinal);
        var longUrl = "https://receiver.example/" + new string('p', 480);
        var bad = await ErrorsAsync(en, new { name = new string('n', 101), url = longUrl, events = new[] { "alert.exploded" } });
        Assert.True(bad.TryGetProperty("name", out _));
        Assert.Contains(longUrl.Length.ToString(CultureInfo.InvariantCulture), bad.GetProperty("url")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("alert.exploded", bad.GetProperty("events")[0].GetString(), StringComparison.Ordinal);
        var none = await ErrorsAsync(en, new { name = "No events", url = "https://receiver.example/", events = Array.Empty<string>() });
        Assert.True(none.TryGetProperty("events", out _));
        // An allowed host is exempt: the receiver of these tests is on 127.0.0.1, listed in Puente:Webhooks:AllowedHosts.
        var allowed = await en.PostAsJsonAsync("/api/v1/webhooks", new { name = "Allowed", url = Rig.Receiver.Url("allowed"), events = new[] { WebhookEvents.AlertOpened } }, Ct);
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await en.DeleteAsync(allowed.Headers.Location, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_when_connecting_is_refused_then_and_nothing_is_sent()
    {
        app.SkipIfUnavailable();
        await OnlyNewSubscriptionsAsync();
        // As if "localhost" had resolved to a public address when the subscription was made (DNS rebinding): the
        // connection checks the address it connects to.
        var name = NewName();
        var id = await InsertSubscriptionAsync(name, Rig.Receiver.Url(name).Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
        var key = NewKey();
        Assert.Equal(1, await EnqueueAsync(await NewPersonAsync(Confidentiality.Shared, Side.MX), WebhookEvents.AlertOpened, key, new { value = 1 }));

        await DispatchAsync();

        Assert.Empty(Rig.Receiver.At(name));
        var delivery = await DeliveryAsync(id, key);
        Assert.Null(delivery.SentAt);
        Assert.Contains("loopback", delivery.LastError, StringComparison.Ordinal);
        var (scope, db) = app.Database();
        await using (scope)
        {
            var attempt = Assert.Single(await db.Set<WebhookAttempt>().Where(a => a.DeliveryId == delivery.Id).ToListAsync(Ct)); // refused: not repeated
            Assert.Null(attempt.StatusCode);
            Assert.Contains(nameof(WebhookAddressRefusedException), attempt.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_secret_is_in_no_log_line_and_nowhere_in_the_audit_trail_not_even_encrypted()
    {
        app.SkipIfUnavailable();
        await OnlyNewSubscriptionsAsync();
        var name = NewName();
        var (id, secret) = await CreateAsync(TestUsers.MxAdmin, name, [WebhookEvents.AlertOpened]);
        var cipher = await CipherAsync(id);
        using var api = await app.ApiAs(TestUsers.MxAdmin);
        var rotated = await api.PostAsync($"/api/v1/webhooks/{id}/rotate", null, Ct);
        Assert.Equal("no-store", rotated.Headers.CacheControl?.ToString());
        var newSecret = (await rotated.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("secret").GetString()!;
        Assert.NotEqual(secret, newSecret);
        var newCipher = await CipherAsync(id);
        Rig.Receiver.Answer(name, 500, 500); // a failing run, then a delivered one
        var key = NewKey();
        await EnqueueAsync(await NewPersonAsync(Confidentiality.Shared, Side.MX), WebhookEvents.AlertOpened, key, new { value = 1 });
        await DispatchAsync();
        Rig.Clock.Advance(TimeSpan.FromMinutes(1));
        await DispatchAsync();
        var delivered = Rig.Receiver.At(name);
        Assert.Equal(3, delivered.Count);
        var last = delivered[^1];
        Assert.Equal(Sign(newSecret, long.Parse(last.Headers["X-Puente-Timestamp"], CultureInfo.InvariantCulture), last.Body), last.Headers["X-Puente-Signature"]);

        var logs = Rig.Logs.All;
        Assert.Contains("Webhooks: delivery", logs, StringComparison.Ordinal); // the failure was logged …
        foreach (var hidden in new[] { secret, newSecret, cipher, newCipher })
        {
            Assert.DoesNotContain(hidden, logs, StringComparison.Ordinal); // … without the secret
        }

        var (scope, db) = app.Database();
        await using (scope)
        {
            var entries = await db.AuditEntries.Where(a => a.RecordId == id).OrderBy(a => a.Id).ToListAsync(Ct);
            Assert.Equal(["Created", "Updated"], entries.Select(e => e.Action.ToString()));
            Assert.Contains(name, entries[0].After, StringComparison.Ordinal);
            foreach (var entry in entries)
            {
                var text = $"{entry.Before} {entry.After} {entry.RecordLabel}";
                foreach (var hidden in new[] { secret, newSecret, cipher, newCipher, nameof(WebhookSubscription.SecretCipher) })
                {
                    Assert.DoesNotContain(hidden, text, StringComparison.Ordinal);
                }
            }

            Assert.True((await Data.Audit.AuditVerifier.VerifyAsync(db, Ct)).Intact);
        }

        // Never shown again: the list and the subscription itself do not carry it.
        var listed = await api.GetStringAsync("/api/v1/webhooks", Ct);
        Assert.DoesNotContain(newSecret, listed, StringComparison.Ordinal);
        Assert.DoesNotContain("\"secret\"", await api.GetStringAsync($"/api/v1/webhooks/{id}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_creates_a_webhook_shows_its_secret_once_and_then_its_delivery_log_in_both_languages()
    {
        app.SkipIfUnavailable();
        await OnlyNewSubscriptionsAsync();
        var name = NewName();
        using var ui = await app.UiAs(TestUsers.MxAdmin, "es-MX");
        var created = await FormPost.SubmitAsync(ui, "/Admin/Webhooks", new()
        {
            ["Input.Name"] = name,
            ["Input.Url"] = Rig.Receiver.Url(name),
            ["Input.Events"] = WebhookEvents.AlertOpened,
            ["Input.Enabled"] = "true",
        });
        var html = await created.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no se volverá a mostrar", html, StringComparison.Ordinal);
        var secret = SecretShown().Match(html).Groups[1].Value;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.True(created.Headers.CacheControl?.NoStore);
        var list = await ui.GetStringAsync("/Admin/Webhooks", Ct);
        Assert.Contains(name, list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);

        var id = await IdOfAsync(name);
        await EnqueueAsync(await NewPersonAsync(Confidentiality.Shared, Side.MX), WebhookEvents.AlertOpened, NewKey(), new { value = 1 });
        await DispatchAsync();
        var request = Assert.Single(Rig.Receiver.At(name));
        Assert.Equal(Sign(secret, long.Parse(request.Headers["X-Puente-Timestamp"], CultureInfo.InvariantCulture), request.Body), request.Headers["X-Puente-Signature"]);
        var details = await ui.GetStringAsync($"/Admin/Webhooks/{id}", Ct);
        Assert.Contains("Registro de entregas", details, StringComparison.Ordinal);
        Assert.Contains("Entregado", details, StringComparison.Ordinal);
        using var en = await app.UiAs(TestUsers.MxAdmin, "en-US");
        Assert.Contains("Delivery log", await en.GetStringAsync($"/Admin/Webhooks/{id}", Ct), StringComparison.Ordinal);

        // Switch off from the details page; the page says so.
        var off = await FormPost.SubmitAsync(ui, $"/Admin/Webhooks/{id}", new(), $"/Admin/Webhooks?handler=Disable&id={id}&from=details");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal($"/Admin/Webhooks/{id}", off.Headers.Location?.OriginalString);
        Assert.Contains("Apagado", await ui.GetStringAsync($"/Admin/Webhooks/{id}", Ct), StringComparison.Ordinal);
        // Deleting needs the box ticked.
        await FormPost.SubmitAsync(ui, "/Admin/Webhooks", new(), $"/Admin/Webhooks?handler=Delete&id={id}");
        Assert.NotNull(await FindAsync(id));
        await FormPost.SubmitAsync(ui, "/Admin/Webhooks", new() { ["confirm"] = "true" }, $"/Admin/Webhooks?handler=Delete&id={id}");
        Assert.Null(await FindAsync(id));
    }

    [Fact]
    public async Task Events_out_of_bounds_are_refused_naming_the_parameter()
    {
        app.SkipIfUnavailable();
        await OnlyNewSubscriptionsAsync();
        var person = await NewPersonAsync(Confidentiality.Shared, Side.MX);
        var (scope, db) = app.Database();
        await using (scope)
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IWebhookOutbox>();
            Task<int> Enqueue(ContentRecord? subject = null, string type = WebhookEvents.AlertOpened, string? key = null, object? payload = null) =>
                outbox.EnqueueAsync(db, subject ?? person, type, key ?? NewKey(), payload ?? new { }, Ct);

            Assert.Equal("eventType", (await Assert.ThrowsAsync<ArgumentException>(() => Enqueue(type: "alert.exploded"))).ParamName);
            Assert.Equal("eventKey", (await Assert.ThrowsAsync<ArgumentException>(() => Enqueue(key: new string('k', 201)))).ParamName);
            Assert.Equal("payload", (await Assert.ThrowsAsync<ArgumentException>(() => Enqueue(payload: new { text = new string('ñ', WebhookDelivery.PayloadMaxBytes / 2) }))).ParamName);
            Assert.Equal("subject", (await Assert.ThrowsAsync<ArgumentException>(() => Enqueue(subject: new Person { Code = "NO-ID" }))).ParamName);
            Assert.Empty(db.ChangeTracker.Entries<WebhookDelivery>());
        }
    }

    /// <summary>Switches off the subscriptions earlier tests of the class left, so that each test counts only its own.</summary>
    private async Task OnlyNewSubscriptionsAsync()
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            await db.Set<WebhookSubscription>().ExecuteUpdateAsync(s => s.SetProperty(w => w.Enabled, false), Ct);
        }
    }

    private static string NewName() => "hook-" + Guid.NewGuid().ToString("N")[..12];

    private static string NewKey() => "test:" + Guid.NewGuid().ToString("N");

    /// <summary>The signature as a receiver computes it (docs/webhooks.md), written out here rather than taken from Puente.</summary>
    private static string Sign(string secret, long timestamp, byte[] body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var signed = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".").Concat(body).ToArray();
        return "sha256=" + Convert.ToHexString(hmac.ComputeHash(signed)).ToLowerInvariant();
    }

    private static string KeyOf(WebhookReceiver.Request request)
    {
        using var body = JsonDocument.Parse(request.Body);
        return body.RootElement.GetProperty("key").GetString()!;
    }

    [GeneratedRegex("id=\"secret-value\">([^<]+)<")]
    private static partial Regex SecretShown();

    private Task DispatchAsync() => app.Factory.Services.GetRequiredService<IJobRunner>().RunAsync<WebhookDispatchJob>(Ct);

    private async Task<(Guid Id, string Secret)> CreateAsync(TestUsers.TestUser admin, string name, string[] events)
    {
        using var api = await app.ApiAs(admin);
        var response = await api.PostAsJsonAsync("/api/v1/webhooks", new { name, url = Rig.Receiver.Url(name), events }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (json.GetProperty("id").GetGuid(), json.GetProperty("secret").GetString()!);
    }

    private static async Task<JsonElement> ErrorsAsync(HttpClient api, object body)
    {
        var response = await api.PostAsJsonAsync("/api/v1/webhooks", body, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
    }

    private async Task<int> EnqueueAsync(ContentRecord subject, string eventType, string key, object payload)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            var added = await scope.ServiceProvider.GetRequiredService<IWebhookOutbox>().EnqueueAsync(db, subject, eventType, key, payload, Ct);
            await db.SaveChangesAsync(Ct);
            return added;
        }
    }

    private async Task<Person> NewPersonAsync(Confidentiality confidentiality, Side side, TestUsers.TestUser? grantTo = null)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            var code = "WH-P-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
            var person = new Person { Id = Guid.CreateVersion7(), Code = code, NameEn = "Subject " + code, NameEs = "Sujeto " + code, Confidentiality = confidentiality, OwnerSide = side };
            db.Add(person);
            if (grantTo is not null)
            {
                var userId = await db.Users.Where(u => u.UserName == grantTo.Name).Select(u => u.Id).SingleAsync(Ct);
                db.RecordGrants.Add(new RecordGrant { RecordId = person.Id, Principal = Principals.ForUser(userId) });
            }

            await db.SaveChangesAsync(Ct);
            return person;
        }
    }

    private async Task<Commitment> NewCommitmentAsync(Confidentiality confidentiality, Side side)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            var mx = await db.Set<Post>().SingleAsync(p => p.Code == "MX-FOREIGN-SECRETARY", Ct);
            var us = await db.Set<Post>().SingleAsync(p => p.Code == "US-SECRETARY-OF-STATE", Ct);
            var code = "WH-C-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
            var commitment = new Commitment
            {
                Id = Guid.CreateVersion7(), Code = code, NameEn = "Share the sector data " + code, NameEs = "Compartir los datos " + code,
                Origin = CommitmentOrigin.Mechanism, OwnerMxPostId = mx.Id, OwnerUsPostId = us.Id, MadeOn = new DateOnly(2031, 1, 10),
                StatusDate = new DateOnly(2031, 1, 10), Due = new DateOnly(2031, 6, 30), Confidentiality = confidentiality, OwnerSide = side,
            };
            db.Add(commitment);
            await db.SaveChangesAsync(Ct);
            return commitment;
        }
    }

    /// <summary>A subscription written straight to the database, past the address check at creation.</summary>
    private async Task<Guid> InsertSubscriptionAsync(string name, string url)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            var admin = await db.Users.SingleAsync(u => u.UserName == TestUsers.MxAdmin.Name, Ct);
            var secrets = scope.ServiceProvider.GetRequiredService<WebhookSecrets>();
            var subscription = new WebhookSubscription
            {
                Id = Guid.CreateVersion7(), Code = "WH-" + Guid.NewGuid().ToString("N").ToUpperInvariant(), Name = name, Url = url,
                Events = WebhookEvents.AlertOpened, AccountUserId = admin.Id, Confidentiality = Confidentiality.Internal, OwnerSide = Side.MX,
                SecretCipher = secrets.Protect(WebhookSecrets.NewSecret()), SecretCreatedAt = Rig.Clock.GetUtcNow(),
            };
            db.Add(subscription);
            await db.SaveChangesAsync(Ct);
            return subscription.Id;
        }
    }

    private async Task<WebhookDelivery?> FindDeliveryAsync(Guid subscriptionId, string key)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            return await db.Set<WebhookDelivery>().AsNoTracking().SingleOrDefaultAsync(d => d.SubscriptionId == subscriptionId && d.EventKey == key, Ct);
        }
    }

    private async Task<WebhookDelivery> DeliveryAsync(Guid subscriptionId, string key) =>
        await FindDeliveryAsync(subscriptionId, key) ?? throw new InvalidOperationException($"no delivery {key}");

    private async Task<string> CipherAsync(Guid id)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            return await db.Set<WebhookSubscription>().Where(s => s.Id == id).Select(s => s.SecretCipher).SingleAsync(Ct);
        }
    }

    private async Task<WebhookSubscription?> FindAsync(Guid id)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            return await db.Set<WebhookSubscription>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, Ct);
        }
    }

    private async Task<Guid> IdOfAsync(string name)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            return await db.Set<WebhookSubscription>().Where(s => s.Name == name).Select(s => s.Id).SingleAsync(Ct);
        }
    }
}
