namespace Puente.Web.Tests.Browser;

/// <summary>
/// The browser journeys run alone, after the parallel suites of this assembly. Chromium renders in software here; when
/// it shared two cores with the SQLite, PostgreSQL and CLI suites, page steps took over 15 s while the server answered
/// every request in under 1.3 s (measured with four busy loops: the journey took 44–49 s against 8–13 s alone), which is
/// what made the sign-in journey fail about once in seven CI runs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserJourneys : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser journeys";
}
