using System.Net;
using System.Security.Cryptography;
using System.Text;
using Puente.Core.Webhooks;

namespace Puente.Core.Tests;

public sealed class WebhookRuleTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.255.255.254", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("0.12.34.56", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("169.254.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fe80::1%2", true)]
    [InlineData("febf:ffff::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("::ffff:169.254.169.254", true)]
    [InlineData("::ffff:0.0.0.0", true)]
    [InlineData("::127.0.0.1", true)]
    [InlineData("1.1.1.1", false)]
    [InlineData("10.0.0.5", false)] // private networks are where ministries' receivers live (decision 0035)
    [InlineData("192.168.1.10", false)]
    [InlineData("128.0.0.1", false)]
    [InlineData("169.255.0.1", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("fec0::1", false)]
    [InlineData("::ffff:8.8.8.8", false)]
    public void Loopback_link_local_and_unspecified_addresses_are_refused_in_every_spelling(string address, bool refused) =>
        Assert.Equal(refused, WebhookAddress.IsRefused(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://receiver.example.org/puente", null)]
    [InlineData("http://10.1.2.3:8080/hooks", null)]
    [InlineData("https://[2001:db8::1]/hooks", null)]
    [InlineData("http://127.0.0.1/hooks", "webhook.url.refusedAddress")]
    [InlineData("http://[::ffff:7f00:1]/hooks", "webhook.url.refusedAddress")]
    [InlineData("http://2130706433/", "webhook.url.refusedAddress")]
    [InlineData("http://0x7f.0.0.1/", "webhook.url.refusedAddress")]
    [InlineData("http://169.254.169.254/latest/meta-data", "webhook.url.refusedAddress")]
    [InlineData("ftp://receiver.example/", "webhook.url.scheme")]
    [InlineData("file:///etc/passwd", "webhook.url.scheme")]
    [InlineData("javascript:alert(1)", "webhook.url.notAbsolute")]
    [InlineData("/hooks", "webhook.url.notAbsolute")]
    [InlineData("receiver.example/hooks", "webhook.url.notAbsolute")]
    [InlineData("https://user:secret@receiver.example/", "webhook.url.credentials")]
    public void An_address_is_checked_by_its_form_and_its_literal_host(string url, string? problem) =>
        Assert.Equal(problem, WebhookAddress.Check(url, [])?.Code);

    [Fact]
    public void An_allowed_host_is_exempt_and_only_that_host()
    {
        string[] allowed = ["127.0.0.1", "[::1]", "Receiver.Local"];
        Assert.Null(WebhookAddress.Check("http://127.0.0.1:9000/hooks", allowed));
        Assert.Null(WebhookAddress.Check("http://[::1]:9000/hooks", allowed));
        Assert.Equal("webhook.url.refusedAddress", WebhookAddress.Check("http://127.0.0.2/hooks", allowed)?.Code);
        Assert.True(WebhookAddress.IsAllowed("receiver.local", allowed));
        Assert.False(WebhookAddress.IsAllowed("other.local", allowed));
    }

    [Fact]
    public void An_address_longer_than_500_characters_is_refused_with_its_length()
    {
        var url = "https://receiver.example/" + new string('p', 476);
        var problem = WebhookAddress.Check(url, []);
        Assert.Equal("webhook.url.tooLong", problem?.Code);
        Assert.Equal([501, 500], problem!.Arguments);
        Assert.Null(WebhookAddress.Check(url[..500], []));
    }

    [Fact]
    public void The_signature_is_the_hmac_of_the_timestamp_a_full_stop_and_the_body()
    {
        var body = Encoding.UTF8.GetBytes("{\"event\":\"alert.opened\",\"data\":{\"title\":\"Migración\"}}");
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("whsec_k"),
            Encoding.UTF8.GetBytes("1700000000.{\"event\":\"alert.opened\",\"data\":{\"title\":\"Migración\"}}")));
        Assert.Equal(expected, WebhookSignature.Compute("whsec_k", 1_700_000_000, body));
        Assert.True(WebhookSignature.Matches("whsec_k", 1_700_000_000, body, expected));
        Assert.False(WebhookSignature.Matches("whsec_k", 1_700_000_001, body, expected)); // another time
        Assert.False(WebhookSignature.Matches("whsec_other", 1_700_000_000, body, expected));
        Assert.False(WebhookSignature.Matches("whsec_k", 1_700_000_000, body, null));
    }

    [Fact]
    public void Event_lists_keep_known_events_once_in_their_order()
    {
        Assert.Equal("alert.opened,alert.resolved", WebhookEvents.Join(["alert.resolved", "alert.opened", "alert.opened", "alert.exploded"]));
        Assert.Equal(["alert.opened", "alert.resolved"], WebhookEvents.Split("alert.opened, alert.resolved,unknown"));
        Assert.True(WebhookEvents.Join(WebhookEvents.All).Length <= WebhookSubscription.EventsMaxLength);
    }
}
