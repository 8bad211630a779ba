namespace Puente.Core.Text;

/// <summary>
/// Parses enum values the way people and files write them: one defined name, trimmed, case-insensitive unless asked
/// otherwise. Never a number ("1", "+1", "0x1"), never a comma list ("Shared, Internal"), which
/// <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> would accept as values nobody wrote.
/// </summary>
public static class EnumText
{
    public static bool TryParse<TEnum>(string? text, out TEnum value, bool ignoreCase = true)
        where TEnum : struct, Enum
    {
        value = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var name in Enum.GetNames<TEnum>())
        {
            if (string.Equals(name, trimmed, comparison))
            {
                value = Enum.Parse<TEnum>(name);
                return true;
            }
        }

        return false;
    }
}
