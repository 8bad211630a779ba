namespace Puente.Web.Features.Notifications;

/// <summary>
/// Renders the notifications of one kind (docs/decisions/0041-mail-outbox.md). One per kind, registered in DI as
/// <c>services.AddScoped&lt;INotificationSource, …&gt;()</c>; the feature that creates notifications of a kind adds its
/// source. Resolved in the reader's request scope, so the database context it takes reads as the reader.
/// </summary>
public interface INotificationSource
{
    /// <summary>The <c>Notification.Kind</c> it renders (at most 40 characters).</summary>
    string Kind { get; }

    /// <summary>Returns, for the given record ids, the ones the current reader can read, with a title and a link in the
    /// request culture. Ids the reader cannot read (or that no longer exist) are left out: their notifications are not
    /// shown.</summary>
    Task<IReadOnlyDictionary<Guid, (string Title, string Url)>> DescribeAsync(IReadOnlyCollection<Guid> recordIds, CancellationToken ct);
}
