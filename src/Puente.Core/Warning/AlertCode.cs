using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Puente.Core.Catalog;

namespace Puente.Core.Warning;

/// <summary>
/// An alert's code, readable and unique: <c>AL-</c>, the indicator's code, the detector and the first period of the
/// episode (<c>AL-SWB-ENCOUNTERS-EWMA-20310101</c>). An indicator code too long for the 40 characters a code may have is
/// cut and followed by six hexadecimal digits of its SHA-256, so two long codes with the same beginning still differ.
/// </summary>
public static class AlertCode
{
    public static string Of(string indicatorCode, string detector, DateOnly firstPeriod)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indicatorCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(detector);
        var tail = "-" + detector.ToUpperInvariant() + "-" + firstPeriod.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var full = "AL-" + indicatorCode + tail;
        if (full.Length <= CatalogCode.MaxLength)
        {
            return full;
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(indicatorCode)))[..6];
        var room = Math.Max(1, CatalogCode.MaxLength - "AL-".Length - tail.Length - hash.Length - 1);
        var head = indicatorCode[..Math.Min(room, indicatorCode.Length)].TrimEnd('-', '.');
        var code = "AL-" + head + "-" + hash + tail;
        return code.Length <= CatalogCode.MaxLength ? code : code[..CatalogCode.MaxLength];
    }
}
