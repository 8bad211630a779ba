using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Puente.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a free loopback port (the SmtpServer package), requiring a user name and password over the
/// plain connection, that keeps what it receives (parsed with MimeKit). <see cref="RefuseRecipients"/> makes it answer
/// RCPT with a refusal, <see cref="RefuseLogins"/> refuse authentication, as a server that is not taking mail would.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    public const string UserName = "puente-mailer";

    /// <summary>A password that must never appear in a log or a stored error.</summary>
    public const string Password = "Smtp-Secret-4f8c2a";

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public SmtpTestServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).AllowUnsecureAuthentication(true).AuthenticationRequired(true))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        services.Add(new Authenticator(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    private volatile bool _refuseRecipients;
    private volatile bool _refuseLogins;

    public bool RefuseRecipients { get => _refuseRecipients; set => _refuseRecipients = value; }

    public bool RefuseLogins { get => _refuseLogins; set => _refuseLogins = value; }

    /// <summary>The app's <c>Puente:Mail</c> settings for this server.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Puente:Mail:Enabled", "true"),
        new("Puente:Mail:Host", "127.0.0.1"),
        new("Puente:Mail:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Puente:Mail:Security", "none"),
        new("Puente:Mail:UserName", UserName),
        new("Puente:Mail:Password", Password),
        new("Puente:Mail:From", "puente@sre.example"),
        new("Puente:Mail:FromName", "Puente"),
        new("Puente:Mail:TimeoutSeconds", "10"),
    ];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(SmtpTestServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            server.Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(SmtpTestServer server) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!server.RefuseRecipients);
    }

    private sealed class Authenticator(SmtpTestServer server) : UserAuthenticator
    {
        public override Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken) =>
            Task.FromResult(!server.RefuseLogins && user == UserName && password == Password);
    }
}
