using Microsoft.EntityFrameworkCore;
using Puente.Core.Records;
using Puente.Core.Warning;

namespace Puente.Data.Warning;

/// <summary>What recording values did: periods added, revised (a different value), and left as they were.</summary>
public sealed record IntakeResult(int Added, int Revised, int Unchanged)
{
    public bool Changed => Added + Revised > 0;
}

/// <summary>
/// Told after an indicator's new or revised values are saved (the early warning evaluates its detectors then). Every
/// registered observer is called, in registration order, in the same scope.
/// </summary>
public interface IIndicatorObserver
{
    Task ValuesChangedAsync(Guid indicatorId, CancellationToken cancellationToken);
}

/// <summary>
/// The one way values enter an indicator (the CSV and CBP imports, the API, the derivations): one value per period,
/// idempotent (the same value again changes nothing), a different value is a revision that keeps the value as first
/// recorded. Saves in one transaction (all the values or none), then tells the observers.
/// </summary>
public sealed class IndicatorIntake(PuenteDbContext db, TimeProvider time, IEnumerable<IIndicatorObserver> observers)
{
    /// <summary>
    /// Records <paramref name="values"/> (periods already the first days of the indicator's periods, values recordable,
    /// no period twice: the callers check and report these) into <paramref name="indicator"/>, a tracked record of
    /// the intake's context, and saves (with the indicator itself when it is new or changed).
    /// </summary>
    public async Task<IntakeResult> RecordAsync(Indicator indicator, IReadOnlyCollection<(DateOnly Period, double Value)> values,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(values);
        var existing = await db.Set<IndicatorValue>().Where(v => v.ParentId == indicator.Id)
            .ToDictionaryAsync(v => v.Period, cancellationToken);
        var now = time.GetUtcNow();
        int added = 0, revised = 0, unchanged = 0;
        foreach (var (period, value) in values)
        {
            if (IndicatorPeriods.StartOf(indicator.Frequency, period) != period || !IndicatorPeriods.IsRecordable(value))
            {
                throw new ArgumentException($"{period:yyyy-MM-dd} {value} is not a recordable value of {indicator.Code}.", nameof(values));
            }

            if (existing.TryGetValue(period, out var current))
            {
                if (current.Value.Equals(value))
                {
                    unchanged++;
                    continue;
                }

                current.Value = value;
                current.RecordedAt = now;
                current.Revisions++;
                revised++;
                continue;
            }

            var added1 = new IndicatorValue
            {
                Id = Guid.CreateVersion7(),
                Code = RecordPart.NewCode(),
                Period = period,
                Value = value,
                RecordedAt = now,
                FirstValue = value,
                FirstRecordedAt = now,
            };
            added1.FollowAccessOf(indicator);
            existing[period] = added1;
            db.Add(added1);
            added++;
        }

        if (existing.Count > Indicator.MaxValues)
        {
            throw new InvalidOperationException($"{indicator.Code} would hold {existing.Count} values; at most {Indicator.MaxValues}.");
        }

        var result = new IntakeResult(added, revised, unchanged);
        if (existing.Count > 0 && indicator.LatestPeriod != existing.Keys.Max())
        {
            indicator.LatestPeriod = existing.Keys.Max();
        }

        // A new indicator is saved with its values, in the same transaction.
        if (result.Changed || db.Entry(indicator).State != EntityState.Unchanged)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!result.Changed)
        {
            return result;
        }

        foreach (var observer in observers)
        {
            await observer.ValuesChangedAsync(indicator.Id, cancellationToken);
        }

        return result;
    }
}
