using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Puente.Core.Text;

namespace Puente.Core.Audit;

/// <summary>
/// A signed checkpoint of the audit chain kept outside the database: the id and hash of an entry that was committed.
/// Everything at or before <see cref="HeadId"/> is fixed by <see cref="HeadHash"/> (each hash covers the one before
/// it), so an entry deleted or rewritten at or before the head shows even when the later hashes were recomputed.
/// The text form is one line, <c>puente-audit-anchor/1 ID HASH MAC</c>, where MAC is the lower-case hex
/// HMAC-SHA-256 of <c>puente-audit-anchor/1 ID HASH</c> under a key of <see cref="KeyBytes"/> bytes.
/// </summary>
public sealed record AuditAnchor
{
    /// <summary>The key length, in bytes.</summary>
    public const int KeyBytes = 32;

    /// <summary>The longest text a valid anchor has; longer files are refused unread.</summary>
    public const int MaxTextLength = 256;

    private const string Prefix = "puente-audit-anchor/1";

    /// <param name="headId">The anchored entry's id; at least 1.</param>
    /// <param name="headHash">The anchored entry's hash: 64 lower-case hex digits.</param>
    public AuditAnchor(long headId, string headHash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(headId, 1);
        if (!IsHash(headHash))
        {
            throw new ArgumentException("An audit hash is 64 lower-case hex digits.", nameof(headHash));
        }

        HeadId = headId;
        HeadHash = headHash;
    }

    public long HeadId { get; }

    public string HeadHash { get; }

    /// <summary>The signed text form, ending with a line feed.</summary>
    public string Format(ReadOnlySpan<byte> key)
    {
        var body = Body(HeadId, HeadHash);
        return $"{body} {Mac(body, key)}\n";
    }

    /// <summary>The anchor <paramref name="text"/> holds, or null when it is malformed or its signature does not match <paramref name="key"/>.</summary>
    public static AuditAnchor? Parse(string text, ReadOnlySpan<byte> key)
    {
        if (text.Length > MaxTextLength)
        {
            return null;
        }

        var parts = text.TrimEnd('\n', '\r').Split(' ');
        if (parts.Length != 4 || parts[0] != Prefix
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1
            || !IsHash(parts[2]) || !IsHash(parts[3]))
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Mac(Body(id, parts[2]), key));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[3])) ? new AuditAnchor(id, parts[2]) : null;
    }

    /// <summary>
    /// Compares the trail as walked with this anchor: <paramref name="lastEntryId"/> is the last entry of an unbroken
    /// chain (0 when there is none) and <paramref name="hashAtHead"/> the hash the walk found at <see cref="HeadId"/>
    /// (null when it met no such entry). Null when the anchor holds; entries after the head are allowed (the anchor is
    /// written after the commit and may be behind).
    /// </summary>
    public Problem? Compare(long lastEntryId, string? hashAtHead)
    {
        if (lastEntryId < HeadId)
        {
            return AuditProblems.EntriesMissing.With(lastEntryId + 1, HeadId);
        }

        if (hashAtHead is null)
        {
            return AuditProblems.EntriesMissing.With(HeadId, HeadId);
        }

        return string.Equals(hashAtHead, HeadHash, StringComparison.Ordinal) ? null : AuditProblems.HeadChanged.With(HeadId);
    }

    private static string Body(long id, string hash) => string.Create(CultureInfo.InvariantCulture, $"{Prefix} {id} {hash}");

    private static string Mac(string body, ReadOnlySpan<byte> key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(body)));

    private static bool IsHash(string text) => text.Length == 64 && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
