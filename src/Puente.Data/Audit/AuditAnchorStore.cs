using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Puente.Core.Audit;

namespace Puente.Data.Audit;

/// <summary>
/// Keeps the audit trail's <see cref="AuditAnchor"/> outside the database, in the anchor directory
/// (<c>Puente:AuditAnchorDirectory</c>, by default the data directory): <see cref="AnchorFileName"/>, signed with the
/// key in <see cref="KeyFileName"/>, which is generated on first use, readable only by the account Puente runs as,
/// and never written to the database or a log. The anchor only moves forward, after a commit, and only while the
/// trail still continues it (docs/decisions/0015-audit-anchor.md).
/// </summary>
public sealed partial class AuditAnchorStore
{
    public const string AnchorFileName = "audit-anchor";
    public const string KeyFileName = "audit-anchor.key";

    // Serializes this process's anchor writes so that the anchor never moves back; see the decision record for several processes.
    private readonly Lock _gate = new();
    private readonly ILogger<AuditAnchorStore> _logger;
    private byte[]? _key;

    public AuditAnchorStore(string directory, ILogger<AuditAnchorStore> logger)
    {
        _logger = logger;
        AnchorPath = Path.Combine(directory, AnchorFileName);
        KeyPath = Path.Combine(directory, KeyFileName);
    }

    public string AnchorPath { get; }

    public string KeyPath { get; }

    /// <summary>Reads the anchor and checks its signature. Never creates a file.</summary>
    public AuditAnchorReading Read()
    {
        string text;
        try
        {
            using var stream = new FileStream(AnchorPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > AuditAnchor.MaxTextLength)
            {
                return new AuditAnchorReading(AuditAnchorState.Invalid);
            }

            using var reader = new StreamReader(stream, Encoding.ASCII);
            text = reader.ReadToEnd();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new AuditAnchorReading(File.Exists(KeyPath) ? AuditAnchorState.Removed : AuditAnchorState.Missing);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new AuditAnchorReading(AuditAnchorState.Unreadable, Detail: e.Message);
        }

        byte[]? key;
        try
        {
            key = LoadKey();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new AuditAnchorReading(AuditAnchorState.Unreadable, Detail: $"its key file {KeyPath}: {e.Message}");
        }

        if (key is null)
        {
            return new AuditAnchorReading(AuditAnchorState.KeyMissing);
        }

        return AuditAnchor.Parse(text, key) is { } anchor
            ? new AuditAnchorReading(AuditAnchorState.Valid, anchor)
            : new AuditAnchorReading(AuditAnchorState.Invalid);
    }

    /// <summary>
    /// Anchors a committed head unless the anchor already names it or a later one, or is missing its key, unreadable
    /// or invalid (those are left for the verifier to report). A failure to write is logged, not thrown: the change it
    /// follows is committed, and an anchor that stays behind is still checked up to where it is.
    /// </summary>
    internal void Advance(long headId, string headHash)
    {
        lock (_gate)
        {
            try
            {
                var current = Read();
                var write = current.State == AuditAnchorState.Valid ? current.Anchor!.HeadId < headId : current.State == AuditAnchorState.Missing;
                if (write)
                {
                    Write(new AuditAnchor(headId, headHash));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogWriteFailed(AnchorPath, e.Message);
            }
        }
    }

    /// <summary>Anchors <paramref name="anchor"/> if there is no anchor yet (a trail from before anchors existed); true if written.</summary>
    internal bool AdoptIfMissing(AuditAnchor anchor)
    {
        lock (_gate)
        {
            if (Read().State != AuditAnchorState.Missing)
            {
                return false;
            }

            Write(anchor);
            LogAdopted(anchor.HeadId, AnchorPath);
            return true;
        }
    }

    /// <summary>Logs that a save found the trail no longer continuing the anchor, which therefore stays where it is.</summary>
    internal void ReportDiscontinuity(AuditAnchorReading reading, string why) =>
        LogDiscontinuity(AnchorPath, reading.State, why);

    private void Write(AuditAnchor anchor)
    {
        var bytes = Encoding.ASCII.GetBytes(anchor.Format(GetOrCreateKey()));
        var temp = $"{AnchorPath}.{Environment.ProcessId}.tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            // On disk before the rename, so that after a power cut the anchor is the old one or the new one, never
            // empty or torn (which the verifier could not tell from tampering). Behind is harmless; see 0015.
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, AnchorPath, overwrite: true);
    }

    private byte[]? LoadKey()
    {
        if (_key is { } cached)
        {
            return cached;
        }

        try
        {
            using var stream = new FileStream(KeyPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length != AuditAnchor.KeyBytes)
            {
                throw new IOException($"it holds {stream.Length} bytes, not {AuditAnchor.KeyBytes}");
            }

            var key = new byte[AuditAnchor.KeyBytes];
            stream.ReadExactly(key);
            _key = key;
            return key;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private byte[] GetOrCreateKey()
    {
        if (LoadKey() is { } existing)
        {
            return existing;
        }

        var key = RandomNumberGenerator.GetBytes(AuditAnchor.KeyBytes);
        var temp = $"{KeyPath}.{Environment.ProcessId}.tmp";
        File.Delete(temp); // the creation mode below applies only to a new file
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        {
            stream.Write(key);
            stream.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temp, KeyPath, overwrite: false);
        }
        catch (IOException) when (File.Exists(KeyPath))
        {
            // Another process created the key first: use theirs.
            File.Delete(temp);
            return LoadKey() ?? throw new IOException($"the key file {KeyPath} disappeared while being created");
        }

        _key = key;
        LogKeyCreated(KeyPath);
        return key;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the audit anchor key {KeyPath}, readable only by this account")]
    private partial void LogKeyCreated(string keyPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit trail had no anchor; anchored its head, entry {HeadId}, in {AnchorPath}")]
    private partial void LogAdopted(long headId, string anchorPath);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the audit anchor {AnchorPath} ({Reason}); it stays behind the trail until a later save writes it")]
    private partial void LogWriteFailed(string anchorPath, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit anchor {AnchorPath} is left as it is ({State}): {Why}. Run 'puente audit verify'")]
    private partial void LogDiscontinuity(string anchorPath, AuditAnchorState state, string why);
}
