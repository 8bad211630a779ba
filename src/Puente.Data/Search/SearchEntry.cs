using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Puente.Data.Search;

/// <summary>
/// One searchable record: its type (the API's name), id, code and parent, its title and text in both languages as
/// written (for titles and snippets), and — on SQLite — the terms the FTS5 table <c>SearchFts</c> indexes (kept by
/// triggers). On PostgreSQL a <c>tsvector</c> column, kept by a trigger and indexed with GIN, takes their place.
/// Written only by <see cref="SearchIndexer"/> in the save of the record itself. It holds no access of its own: every
/// hit is joined to its record's entity set, whose query filter decides (docs/decisions/0049-search.md).
/// </summary>
public sealed class SearchEntry
{
    public const int TitleMaxLength = 400;

    /// <summary>How much of a record's text (each language) is indexed: attachments can be long.</summary>
    public const int BodyMaxLength = 32_000;

    public long Id { get; set; }

    public string Type { get; set; } = "";

    public Guid RecordId { get; set; }

    /// <summary>The record's code (issues and recommendations are addressed by it).</summary>
    public string Code { get; set; } = "";

    /// <summary>The record a part belongs to (an attachment's engagement), else null.</summary>
    public Guid? ParentId { get; set; }

    public string TitleEn { get; set; } = "";

    public string TitleEs { get; set; } = "";

    public string BodyEn { get; set; } = "";

    public string BodyEs { get; set; } = "";

    /// <summary>SQLite only: the title's terms (<see cref="SearchText.IndexTerms"/>).</summary>
    public string TitleTerms { get; set; } = "";

    /// <summary>SQLite only: the text's terms.</summary>
    public string BodyTerms { get; set; } = "";
}

/// <summary>A match of the provider's full-text query, before access: composed with LINQ (the access join, counts, pages).</summary>
public sealed class SearchHit
{
    public long EntryId { get; set; }

    public string Type { get; set; } = "";

    public Guid RecordId { get; set; }

    /// <summary>Higher is better (bm25 negated on SQLite, ts_rank on PostgreSQL).</summary>
    public double Score { get; set; }
}

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> builder)
    {
        // The triggers that keep the full-text index are declared so EF Core does not use RETURNING on this table.
        builder.ToTable("SearchEntries", t =>
        {
            t.HasTrigger("SearchEntries_ai");
            t.HasTrigger("SearchEntries_au");
            t.HasTrigger("SearchEntries_ad");
        });
        builder.Property(e => e.Type).HasMaxLength(16);
        builder.Property(e => e.Code).HasMaxLength(Core.Catalog.CatalogCode.MaxLength);
        builder.Property(e => e.TitleEn).HasMaxLength(SearchEntry.TitleMaxLength);
        builder.Property(e => e.TitleEs).HasMaxLength(SearchEntry.TitleMaxLength);
        builder.HasIndex(e => new { e.RecordId, e.Type }).IsUnique();
        // What a hit needs (SearchQuery reads it INDEXED BY on SQLite): the match never reads the wide text columns.
        builder.HasIndex(e => new { e.Id, e.Type, e.RecordId }).HasDatabaseName("IX_SearchEntries_Hits");
    }
}

internal sealed class SearchHitConfiguration : IEntityTypeConfiguration<SearchHit>
{
    public void Configure(EntityTypeBuilder<SearchHit> builder) => builder.HasNoKey().ToView(null);
}
