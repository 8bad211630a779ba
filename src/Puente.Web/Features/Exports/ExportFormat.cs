namespace Puente.Web.Features.Exports;

/// <summary>The two files a list exports to: RFC 4180 CSV (UTF-8 with a byte-order mark) and an Excel workbook.</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
}
