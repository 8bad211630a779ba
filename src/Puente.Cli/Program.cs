namespace Puente.Cli;

/// <summary>The <c>puente</c> executable (a named class, so it does not clash with the web host's Program in tests).</summary>
internal static class EntryPoint
{
    private static Task<int> Main(string[] args) => PuenteCli.RunAsync(args, Console.In, Console.Out, Console.Error);
}
