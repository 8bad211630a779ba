using Puente.Core.Access;
using Puente.Core.Audit;

namespace Puente.Core.Tests;

public sealed class AuditChainTests
{
    private static List<AuditLink> Chain(int count)
    {
        var links = new List<AuditLink>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var facts = new AuditFacts(new DateTimeOffset(2026, 11, 23, 10, 0, i, TimeSpan.Zero), "ana", "u1", AuditAction.Updated, "Actor",
                Guid.NewGuid(), $"A-{i}", Confidentiality.Shared, Side.MX, "{\"n\":1}", "{\"n\":2}");
            var hash = AuditChain.ComputeHash(facts, previous);
            links.Add(new AuditLink(i, facts, previous, hash));
            previous = hash;
        }

        return links;
    }

    [Fact]
    public void An_untouched_chain_verifies()
    {
        Assert.Null(AuditChain.Verify(Chain(10)));
        Assert.Null(AuditChain.Verify([]));
    }

    [Fact]
    public void An_altered_field_is_found_at_its_entry()
    {
        var links = Chain(10);
        links[4] = links[4] with { Facts = links[4].Facts with { After = "{\"n\":3}" } };
        Assert.Equal(new AuditBreak(5, AuditBreakKind.ContentAltered), AuditChain.Verify(links));
    }

    [Fact]
    public void A_removed_entry_breaks_the_next_link()
    {
        var links = Chain(10);
        links.RemoveAt(6);
        Assert.Equal(new AuditBreak(8, AuditBreakKind.PreviousHashMismatch), AuditChain.Verify(links));
    }

    [Fact]
    public void Swapped_entries_break_the_chain()
    {
        var links = Chain(5);
        (links[1], links[2]) = (links[2], links[1]);
        Assert.Equal(AuditBreakKind.PreviousHashMismatch, AuditChain.Verify(links)!.Kind);
    }

    [Fact]
    public void Every_fact_is_covered_by_the_hash_and_field_boundaries_are_unambiguous()
    {
        var facts = Chain(1)[0].Facts;
        var hash = AuditChain.ComputeHash(facts, AuditChain.Genesis);
        AuditFacts[] variants =
        [
            facts with { Timestamp = facts.Timestamp.AddMilliseconds(1) },
            facts with { Actor = "bob" },
            facts with { ActorUserId = null },
            facts with { Action = AuditAction.Deleted },
            facts with { EntityType = "Mechanism" },
            facts with { RecordId = Guid.NewGuid() },
            facts with { RecordLabel = "other" },
            facts with { Confidentiality = Confidentiality.Restricted },
            facts with { OwnerSide = Side.US },
            facts with { Before = null },
            facts with { After = "{}" },
            facts with { Actor = "an", ActorUserId = "au1" }, // "ana"+"u1" vs "an"+"au1"
        ];
        Assert.All(variants, v => Assert.NotEqual(hash, AuditChain.ComputeHash(v, AuditChain.Genesis)));
        Assert.NotEqual(hash, AuditChain.ComputeHash(facts, new string('1', 64)));
        Assert.Equal(hash, AuditChain.ComputeHash(facts, AuditChain.Genesis));
    }

    [Fact]
    public void Stored_precision_is_whole_milliseconds_in_utc()
    {
        var t = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(-6)).AddTicks(1234);
        var stored = AuditFacts.ToStoredPrecision(t);
        Assert.Equal(TimeSpan.Zero, stored.Offset);
        Assert.Equal(t.ToUnixTimeMilliseconds(), stored.ToUnixTimeMilliseconds());
        Assert.Equal(0, stored.Ticks % TimeSpan.TicksPerMillisecond);
    }
}
