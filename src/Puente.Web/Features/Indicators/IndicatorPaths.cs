using Puente.Core.Warning;

namespace Puente.Web.Features.Indicators;

/// <summary>Where an indicator's pages are: <c>/Indicators/{code}</c> and <c>/Indicators/{code}/Edit</c>.</summary>
public static class IndicatorPaths
{
    /// <summary>The page that creates an indicator.</summary>
    public const string New = "/Indicators/New";

    /// <summary>The details page, by code; by id for the one code that names the page that creates indicators.</summary>
    public static string Details(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return "/Indicators/" + Key(indicator);
    }

    public static string Edit(Indicator indicator) => Details(indicator) + "/Edit";

    private static string Key(Indicator indicator) =>
        string.Equals(indicator.Code, "NEW", StringComparison.OrdinalIgnoreCase) ? indicator.Id.ToString() : Uri.EscapeDataString(indicator.Code);
}
