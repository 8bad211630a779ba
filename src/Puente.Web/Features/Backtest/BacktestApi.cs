using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Puente.Core.Water;
using Puente.Data.Warning;
using Puente.Web.Api;

namespace Puente.Web.Features.Backtest;

/// <summary>
/// <c>GET /api/v1/indicators/{code}/backtest?detector=&amp;param=k=v&amp;param=…&amp;from=&amp;to=&amp;window=&amp;issue=</c>: the
/// alerts the detectors would have raised over a readable indicator's history, scored against the readable crises
/// (<see cref="BacktestRunner"/>; the answer is <see cref="BacktestReport"/>, issue 13's contract). 404 for an
/// indicator the caller cannot read; 400 naming the parameter.
/// </summary>
public static class BacktestApi
{
    public static IEndpointRouteBuilder MapBacktestApi(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/indicators").WithTags("Indicators").MapGet("/{code}/backtest", BacktestAsync)
            .WithDescription("Without detector: the indicator's detector settings, or every detector with its default parameters when it has none.");
        return api;
    }

    private static async Task<Results<Ok<BacktestReport>, ValidationProblem, ProblemHttpResult>> BacktestAsync(string code, [FromQuery] string? detector,
        [FromQuery(Name = "param")] string[]? parameters, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? window,
        [FromQuery] string? issue, PuenteDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var outcome = await db.RunAsync(new BacktestRequest(code, detector, parameters ?? [], from, to, window, issue), CultureInfo.CurrentUICulture, ct);
        if (outcome.Problems.Count > 0)
        {
            return ApiResults.Invalid(Errors(outcome.Problems, t), t);
        }

        return outcome.Run is { } run ? TypedResults.Ok(BacktestReport.Of(run, CultureInfo.CurrentUICulture)) : ApiResults.NotFound();
    }

    /// <summary>The problems by field, in the request's language.</summary>
    public static Dictionary<string, string[]> Errors(IEnumerable<FieldProblem> problems, IStringLocalizer t) =>
        problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => t.Localize(p.Problem)).ToArray());
}
