using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Puente.Web.Scheduling;

namespace Puente.Web.Mail;

/// <summary>Registers the mail settings, the dispatcher and its job (docs/decisions/0041-mail-outbox.md).</summary>
public static class PuenteMail
{
    /// <summary>Binds and validates <see cref="MailOptions"/> (<c>Puente:Mail</c>) and schedules <see cref="MailDispatchJob"/>
    /// every <c>DispatchIntervalSeconds</c> when mail is enabled. The outbox itself (<c>IMailOutbox</c>) is Puente.Data's.</summary>
    public static IServiceCollection AddPuenteMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailOptions>, MailOptionsValidator>());
        services.TryAddScoped<MailDispatcher>();
        services.AddScheduledJob<MailDispatchJob>(MailDispatchJob.Name, sp => sp.GetRequiredService<IOptions<MailOptions>>().Value is { Enabled: true } mail
            ? TimeSpan.FromSeconds(mail.DispatchIntervalSeconds)
            : null);
        return services;
    }
}
