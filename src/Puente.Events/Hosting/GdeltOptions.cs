using Puente.Events.Fetch;

namespace Puente.Events.Hosting;

/// <summary><c>Events:Gdelt</c>: GDELT's download site or a mirror.</summary>
public sealed class GdeltOptions
{
    /// <summary><c>Events:Gdelt:BaseUrl</c>: an absolute http(s) URL holding <c>masterfilelist.txt</c> and the files it lists.</summary>
    public string BaseUrl { get; set; } = GdeltFetcher.DefaultBaseUrl;

    /// <summary><see cref="BaseUrl"/> ending in a slash, so that file names resolve under it.</summary>
    public Uri BaseUri => new(BaseUrl.TrimEnd('/') + "/");
}
