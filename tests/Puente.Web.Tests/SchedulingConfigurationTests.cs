using Puente.Web.Mail;
using Puente.Web.Scheduling;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests;

/// <summary><c>Puente:Scheduler</c> and <c>Puente:Mail</c>: bad values stop the start with a message naming the key, and
/// never showing the SMTP password.</summary>
public sealed class SchedulingConfigurationTests
{
    private static string[] Failures(MailOptions options) =>
        [.. new MailOptionsValidator().Validate(null, options).Failures ?? []];

    private static MailOptions Enabled() => new() { Enabled = true, Host = "smtp.sre.example", From = "puente@sre.example" };

    [Theory]
    [InlineData("AUTO", true)]
    [InlineData("node-a.mx_1", true)]
    [InlineData("", false)]
    [InlineData("node a", false)]
    [InlineData("nodo-ñ", false)]
    public void An_instance_id_is_auto_or_a_plain_name(string id, bool valid)
    {
        var result = new SchedulerOptionsValidator().Validate(null, new SchedulerOptions { InstanceId = id });
        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Puente:Scheduler:InstanceId", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Mail_switched_off_needs_no_server_and_switched_on_needs_a_host_and_a_sender()
    {
        Assert.Empty(Failures(new MailOptions()));
        Assert.Empty(Failures(Enabled()));
        var failures = Failures(new MailOptions { Enabled = true });
        Assert.Contains(failures, f => f.StartsWith("Puente:Mail:Host ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Puente:Mail:From ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Security", "tls", "Puente:Mail:Security")]
    [InlineData("Port", "70000", "Puente:Mail:Port")]
    [InlineData("MaxAttempts", "0", "Puente:Mail:MaxAttempts")]
    [InlineData("DispatchIntervalSeconds", "5", "Puente:Mail:DispatchIntervalSeconds")]
    [InlineData("MaxAgeHours", "1000", "Puente:Mail:MaxAgeHours")]
    [InlineData("TimeoutSeconds", "0", "Puente:Mail:TimeoutSeconds")]
    [InlineData("From", "Puente <puente@sre.example>", "Puente:Mail:From")]
    [InlineData("UserName", "mailer", "Puente:Mail:Password")]
    public void A_bad_mail_value_names_its_key(string property, string value, string key)
    {
        var options = Enabled();
        var p = typeof(MailOptions).GetProperty(property)!;
        p.SetValue(options, p.PropertyType == typeof(int) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value);
        Assert.Contains(Failures(options), f => f.StartsWith(key + " ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("none", 25)]
    [InlineData("starttls", 587)]
    [InlineData("SSL", 465)]
    public void The_port_defaults_to_the_usual_one_of_the_security(string security, int port) =>
        Assert.Equal(port, new MailOptions { Security = security }.EffectivePort);

    [Fact]
    public async Task The_web_host_does_not_start_with_bad_mail_settings_names_the_key_and_not_the_password()
    {
        var dir = Directory.CreateTempSubdirectory("puente-cfg-").FullName;
        await using var web = WebProcess.Start(new Dictionary<string, string>
        {
            ["Puente__DataDirectory"] = dir,
            ["Puente__Mail__Enabled"] = "true",
            ["Puente__Mail__Host"] = "smtp.sre.example",
            ["Puente__Mail__Security"] = "tls",
            ["Puente__Mail__UserName"] = "mailer",
            ["Puente__Mail__Password"] = "never-shown-9d2f",
            ["Puente__Mail__From"] = "puente@sre.example",
        });
        Assert.Equal(2, await web.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Puente:Mail:Security must be none, starttls or ssl, not 'tls'.", web.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("never-shown-9d2f", web.Output, StringComparison.Ordinal);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void A_delivery_error_never_keeps_the_password_and_stays_short()
    {
        var settings = Enabled();
        settings.UserName = "mailer";
        settings.Password = "p@ss-Echoed";
        var text = MailDispatcher.Describe(new InvalidOperationException("535 rejected p@ss-Echoed for mailer\r\n" + new string('x', 900)), settings);
        Assert.DoesNotContain("p@ss-Echoed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text, StringComparison.Ordinal);
        Assert.True(text.Length <= Data.Mail.OutboxMessage.ErrorMaxLength);
    }

    [Fact]
    public void The_backoff_doubles_from_a_minute_and_stops_at_six_hours()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), MailDispatcher.Backoff(1));
        Assert.Equal(TimeSpan.FromMinutes(2), MailDispatcher.Backoff(2));
        Assert.Equal(TimeSpan.FromMinutes(64), MailDispatcher.Backoff(7));
        Assert.Equal(TimeSpan.FromHours(6), MailDispatcher.Backoff(12));
        Assert.Equal(TimeSpan.FromHours(6), MailDispatcher.Backoff(20));
    }

    [Fact]
    public void A_message_id_is_the_same_for_a_key_and_differs_between_keys()
    {
        var id = MailDispatcher.MessageIdFor("commitment:1:due-7:u1", "puente@sre.example");
        Assert.Equal(id, MailDispatcher.MessageIdFor("commitment:1:due-7:u1", "puente@sre.example"));
        Assert.NotEqual(id, MailDispatcher.MessageIdFor("commitment:1:due-1:u1", "puente@sre.example"));
        Assert.EndsWith(".puente@sre.example", id, StringComparison.Ordinal);
    }
}
