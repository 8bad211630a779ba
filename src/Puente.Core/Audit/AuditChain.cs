using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Puente.Core.Audit;

/// <summary>
/// The audit trail is a hash chain: each entry's hash is SHA-256 over its facts and the previous entry's hash, so
/// altering, removing or reordering any entry breaks every link after it.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static string Genesis { get; } = new('0', 64);

    /// <summary>Lower-case hex SHA-256 over a JSON array of the facts (unambiguous field boundaries) and the previous hash.</summary>
    public static string ComputeHash(AuditFacts facts, string previousHash)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(previousHash);
            json.WriteNumberValue(facts.Timestamp.ToUnixTimeMilliseconds());
            json.WriteStringValue(facts.Actor);
            json.WriteStringValue(facts.ActorUserId);
            json.WriteStringValue(facts.Action.ToString());
            json.WriteStringValue(facts.EntityType);
            json.WriteStringValue(facts.RecordId?.ToString("D", CultureInfo.InvariantCulture));
            json.WriteStringValue(facts.RecordLabel);
            json.WriteStringValue(facts.Confidentiality.ToString());
            json.WriteStringValue(facts.OwnerSide.ToString());
            json.WriteStringValue(facts.Before);
            json.WriteStringValue(facts.After);
            json.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>
    /// Walks <paramref name="links"/> in order and returns the first broken one, or null when the chain holds.
    /// </summary>
    public static AuditBreak? Verify(IEnumerable<AuditLink> links)
    {
        var expectedPrevious = Genesis;
        foreach (var link in links)
        {
            if (Check(link, expectedPrevious) is { } kind)
            {
                return new AuditBreak(link.Id, kind);
            }

            expectedPrevious = link.Hash;
        }

        return null;
    }

    /// <summary>Checks one link against the hash of the entry before it; null when it holds.</summary>
    public static AuditBreakKind? Check(AuditLink link, string expectedPrevious)
    {
        if (!string.Equals(link.PreviousHash, expectedPrevious, StringComparison.Ordinal))
        {
            return AuditBreakKind.PreviousHashMismatch;
        }

        return string.Equals(ComputeHash(link.Facts, link.PreviousHash), link.Hash, StringComparison.Ordinal)
            ? null
            : AuditBreakKind.ContentAltered;
    }
}

/// <summary>One stored entry as the verifier sees it.</summary>
public sealed record AuditLink(long Id, AuditFacts Facts, string PreviousHash, string Hash);

/// <summary>Where and how the chain breaks.</summary>
public sealed record AuditBreak(long EntryId, AuditBreakKind Kind);

public enum AuditBreakKind
{
    /// <summary>The entry's stored previous hash is not the hash of the entry before it (an entry was removed or inserted).</summary>
    PreviousHashMismatch,

    /// <summary>The entry's content no longer matches its hash (it was altered).</summary>
    ContentAltered,
}
