namespace Puente.Web.Features.Exports;

/// <summary>
/// One column of a list's export: its header (a resource key, written in the reader's language) and its value for a
/// row. A value is text (already in the reader's language), a number, a date or time (written ISO 8601), a yes/no, a
/// list of texts (joined with "; "), or null (an empty cell).
/// </summary>
public sealed record ExportColumn<TRow>(string Header, Func<TRow, object?> Value);
