using Puente.Core.Text;

namespace Puente.Web.Hosting;

/// <summary>Core problems in the request language: the code is the resource key; the English template is the fallback.</summary>
public static class ProblemText
{
    public static string Localize(this IStringLocalizer t, Problem problem)
    {
        var text = t[problem.Code, [.. problem.Arguments]];
        return text.ResourceNotFound ? problem.ToString() : text.Value;
    }
}
