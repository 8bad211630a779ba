using Puente.Core.Audit;

namespace Puente.Core.Tests;

public sealed class AuditAnchorTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, AuditAnchor.KeyBytes).Select(i => (byte)i)];
    private static readonly string HashA = new('a', 64);
    private static readonly string HashB = new('b', 64);

    [Fact]
    public void A_signed_anchor_reads_back_only_with_its_key_and_unedited()
    {
        var text = new AuditAnchor(42, HashA).Format(Key);
        Assert.Equal(new AuditAnchor(42, HashA), AuditAnchor.Parse(text, Key));

        var otherKey = Key.Select(b => (byte)(b ^ 0xff)).ToArray();
        Assert.Null(AuditAnchor.Parse(text, otherKey));
        Assert.Null(AuditAnchor.Parse(text.Replace(" 42 ", " 41 ", StringComparison.Ordinal), Key));
        Assert.Null(AuditAnchor.Parse(text.Replace(HashA, HashB, StringComparison.Ordinal), Key));
        Assert.Null(AuditAnchor.Parse("", Key));
        Assert.Null(AuditAnchor.Parse(text + new string(' ', AuditAnchor.MaxTextLength), Key));
    }

    [Theory]
    [InlineData(42, "a", null)]            // the head is there, unchanged
    [InlineData(50, "a", null)]            // later entries after the head: the anchor is behind, which is allowed
    [InlineData(41, null, "audit.entriesMissing")]
    [InlineData(0, null, "audit.entriesMissing")]
    [InlineData(50, null, "audit.entriesMissing")] // the walk never met the head's id
    [InlineData(42, "b", "audit.headChanged")]
    public void Compare_reports_what_does_not_match_the_anchor(long lastEntryId, string? hashLetter, string? expected)
    {
        var hashAtHead = hashLetter is null ? null : new string(hashLetter[0], 64);
        Assert.Equal(expected, new AuditAnchor(42, HashA).Compare(lastEntryId, hashAtHead)?.Code);
    }

    [Fact]
    public void Entries_missing_names_the_range_from_the_end_of_the_trail_to_the_head()
    {
        Assert.Equal("entries 1 to 42 are missing: the anchor names entry 42 as written and committed",
            new AuditAnchor(42, HashA).Compare(0, null)!.ToString());
    }
}
