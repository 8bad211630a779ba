using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Puente.Core.Access;
using Puente.Data;
using Puente.Data.Access;
using Puente.Data.Search;

namespace Puente.Cli;

/// <summary><c>puente search reindex</c>: rebuild the search index from the records (idempotent; docs/decisions/0049-search.md).</summary>
public static class SearchCommands
{
    public static Command Build(Option<string?> dataDir, TextWriter stdout, TextWriter stderr)
    {
        var search = new Command("search", "The full-text search index.");
        var reindex = new Command("reindex",
            "Write every searchable record's index entry where it is missing or out of date and remove entries of records that are gone; a second run writes nothing.");
        reindex.SetAction((parse, ct) => PuenteCli.WithServicesAsync(parse.GetValue(dataDir), stderr, async (sp, logger) =>
        {
            await sp.InitializePuenteAsync(logger, ct);
            await using var scope = sp.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
            var report = await SearchReindexer.ReindexAsync(scope.ServiceProvider.GetRequiredService<PuenteDbContext>(), ct);
            await stdout.WriteLineAsync($"Search index: {report.Records} records, {report.Written} entries written, {report.Removed} removed.");
            return PuenteCli.Ok;
        }));
        search.Subcommands.Add(reindex);
        return search;
    }
}
