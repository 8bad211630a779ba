namespace Puente.Core.Text;

/// <summary>Parses enum values the way people and files write them: by name only (never a number), trimmed.</summary>
public static class EnumText
{
    public static bool TryParse<TEnum>(string? text, out TEnum value, bool ignoreCase = true)
        where TEnum : struct, Enum
    {
        value = default;
        var trimmed = text?.Trim();
        return !string.IsNullOrEmpty(trimmed) && !char.IsAsciiDigit(trimmed[0]) && trimmed[0] != '-'
            && Enum.TryParse(trimmed, ignoreCase, out value) && Enum.IsDefined(value);
    }
}
