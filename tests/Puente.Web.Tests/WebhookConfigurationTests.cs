using System.Globalization;
using Puente.Web.Webhooks;

namespace Puente.Web.Tests;

/// <summary><c>Puente:Webhooks</c>: the defaults start, and a bad value stops the start with a message naming its key.</summary>
public sealed class WebhookConfigurationTests
{
    private static string[] Failures(WebhookOptions options) =>
        [.. new WebhookOptionsValidator().Validate(null, options).Failures ?? []];

    [Fact]
    public void The_defaults_are_valid_and_allow_no_host()
    {
        Assert.Empty(Failures(new WebhookOptions()));
        Assert.Empty(new WebhookOptions().Hosts);
    }

    [Theory]
    [InlineData("DispatchIntervalSeconds", 5)]
    [InlineData("MaxAttempts", 0)]
    [InlineData("MaxAttempts", 21)]
    [InlineData("RetriesPerRun", 6)]
    [InlineData("RetryDelayMilliseconds", -1)]
    [InlineData("AttemptTimeoutSeconds", 0)]
    [InlineData("TotalTimeoutSeconds", 301)]
    [InlineData("MaxAgeHours", 0)]
    public void A_value_out_of_range_names_its_key(string property, int value)
    {
        var options = new WebhookOptions();
        typeof(WebhookOptions).GetProperty(property)!.SetValue(options, value);
        Assert.Contains(Failures(options), f => f.StartsWith($"Puente:Webhooks:{property} ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_total_timeout_holds_at_least_one_request()
    {
        var failures = Failures(new WebhookOptions { AttemptTimeoutSeconds = 60, TotalTimeoutSeconds = 30 });
        Assert.Contains(failures, f => f.StartsWith("Puente:Webhooks:TotalTimeoutSeconds (30) must be at least", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("[::1]", true)]
    [InlineData("receiver.intranet.sre.gob.mx", true)]
    [InlineData("http://127.0.0.1", false)]
    [InlineData("two words", false)]
    [InlineData("", false)]
    public void Allowed_hosts_are_host_names_or_addresses(string host, bool valid)
    {
        var failures = Failures(new WebhookOptions { AllowedHosts = [host] });
        Assert.Equal(valid, failures.Length == 0);
        if (!valid)
        {
            Assert.Contains(failures, f => f.StartsWith("Puente:Webhooks:AllowedHosts ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void At_most_twenty_hosts_are_allowed()
    {
        var hosts = Enumerable.Range(1, 21).Select(i => string.Create(CultureInfo.InvariantCulture, $"receiver{i}.example")).ToArray();
        Assert.Contains(Failures(new WebhookOptions { AllowedHosts = hosts }), f => f.Contains("at most 20", StringComparison.Ordinal));
    }
}
