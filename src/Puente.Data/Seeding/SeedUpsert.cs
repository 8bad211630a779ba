using Microsoft.EntityFrameworkCore;
using Puente.Core.Records;

namespace Puente.Data.Seeding;

/// <summary>
/// Upserts seeded records by code and counts what it did. A record is updated only while it still holds what seeding
/// last wrote (its <see cref="ContentRecord.SeedHash"/>); a record a person edited keeps the person's values; nothing
/// is deleted.
/// </summary>
internal sealed class SeedUpsert
{
    private int _created;
    private int _updated;
    private int _unchanged;
    private int _kept;

    public SeedReport Report => new(_created, _updated, _unchanged, _kept);

    public void Reset() => _created = _updated = _unchanged = _kept = 0;

    /// <summary>
    /// Creates or updates the record of every entry; <paramref name="apply"/> gets the record, the entry and the file
    /// name. Returns the records of the entries by code. Only those are loaded: a type may hold far more records
    /// than the seed (engagements people recorded).
    /// </summary>
    public async Task<Dictionary<string, T>> UpsertAsync<T, TEntry>(
        DbSet<T> set,
        IReadOnlyList<(TEntry Entry, string Hash)> entries,
        Func<TEntry, string> code,
        Func<TEntry, string?> section,
        Action<T, TEntry, string> apply,
        CancellationToken cancellationToken)
        where T : ContentRecord, new()
    {
        var file = typeof(TEntry).Name;
        var codes = entries.Select(e => code(e.Entry)).ToList();
        var existing = await set.IgnoreQueryFilters().Where(r => codes.Contains(r.Code))
            .ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var (entry, hash) in entries)
        {
            var entryCode = code(entry);
            if (!existing.TryGetValue(entryCode, out var record))
            {
                record = new T { Id = Guid.CreateVersion7(), Code = entryCode, Section = section(entry), SeedHash = hash };
                apply(record, entry, file);
                set.Add(record);
                existing[entryCode] = record;
                _created++;
            }
            else if (record.SeedHash is null)
            {
                _kept++;
            }
            else if (record.SeedHash != hash)
            {
                record.Section = section(entry);
                record.SeedHash = hash;
                apply(record, entry, file);
                _updated++;
            }
            else
            {
                _unchanged++;
            }
        }

        return existing;
    }
}
