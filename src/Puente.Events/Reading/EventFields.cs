using System.Text;

namespace Puente.Events.Reading;

/// <summary>Receives the kept events of a file, one line at a time (the spans are valid only during the call).</summary>
public interface IEventSink
{
    void Keep(in EventFields fields);
}

/// <summary>A kept, validated event line: its raw fields and the values already parsed from them.</summary>
public readonly ref struct EventFields(ReadOnlySpan<byte> line, ReadOnlySpan<int> tabs, GdeltLayout layout, long id, DateOnly date, bool isRoot,
    byte quadClass, double goldstein, int mentions, int sources, int articles, double tone, long dateAdded, bool hasSourceUrl)
{
    private readonly ReadOnlySpan<byte> _line = line;
    private readonly ReadOnlySpan<int> _tabs = tabs;

    public GdeltLayout Layout { get; } = layout;
    public long Id { get; } = id;
    public DateOnly Date { get; } = date;
    public bool IsRoot { get; } = isRoot;
    public byte QuadClass { get; } = quadClass;
    public double Goldstein { get; } = goldstein;
    public int Mentions { get; } = mentions;
    public int Sources { get; } = sources;
    public int Articles { get; } = articles;
    public double Tone { get; } = tone;
    public long DateAdded { get; } = dateAdded;

    /// <summary>The raw bytes of field <paramref name="index"/> (0-based, as in the layout).</summary>
    public ReadOnlySpan<byte> this[int index] => GdeltEventReader.FieldOf(_line, _tabs, index);

    public ReadOnlySpan<byte> SourceUrl => hasSourceUrl ? this[Layout.SourceUrl] : [];

    public EventRecord ToRecord() => new(Id, Date,
        Text(this[GdeltLayout.Actor1Code]), Text(this[GdeltLayout.Actor1Name]), Text(this[GdeltLayout.Actor1Country]),
        Text(this[GdeltLayout.Actor2Code]), Text(this[GdeltLayout.Actor2Name]), Text(this[GdeltLayout.Actor2Country]),
        IsRoot, Text(this[GdeltLayout.EventCode]), Text(this[GdeltLayout.EventBaseCode]), Text(this[GdeltLayout.EventRootCode]),
        QuadClass, Goldstein, Mentions, Sources, Articles, Tone,
        Text(this[Layout.ActionGeoFullName]), Text(this[Layout.ActionGeoCountry]), DateAdded, Text(SourceUrl));

    private static string Text(ReadOnlySpan<byte> value) => value.IsEmpty ? "" : Encoding.UTF8.GetString(value);
}

/// <summary>Adapts a record callback to a sink (allocates one record per kept event).</summary>
public sealed class RecordSink(Action<EventRecord> keep) : IEventSink
{
    public void Keep(in EventFields fields) => keep(fields.ToRecord());
}
