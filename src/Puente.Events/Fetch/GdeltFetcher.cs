using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Puente.Events.Store;

namespace Puente.Events.Fetch;

/// <summary>One file of GDELT's master file list.</summary>
public sealed record ListedFile(long Size, string Md5, Uri Url, DateTime Slot);

/// <summary>What a fetch did.</summary>
public sealed record FetchReport(
    IReadOnlyList<ListedFile> Listed,
    IReadOnlyList<string> Downloaded,
    IReadOnlyList<string> AlreadyPresent,
    IReadOnlyList<(ListedFile File, string Reason)> Failed,
    IReadOnlyList<DateTime> MissingSlots,
    IReadOnlyList<FileOutcome> Ingested);

/// <summary>
/// Brings GDELT 2.0 event files for a date range: reads the master file list, downloads every 15-minute export file in
/// range into <c>gdelt-downloads/</c> in the data directory, checks each against the list's size and MD5 (a bad file is
/// retried, then reported and never ingested), skips files already downloaded intact (so a stopped fetch resumes), ingests
/// them, and reports every 15-minute slot that has no file in the list.
/// </summary>
public sealed class GdeltFetcher(HttpClient http, Uri baseUrl, string dataDirectory, TimeProvider time)
{
    public const string DefaultBaseUrl = "http://data.gdeltproject.org/gdeltv2/";
    public const int Attempts = 3;

    public string DownloadDirectory => Path.Combine(dataDirectory, "gdelt-downloads");

    public async Task<FetchReport> FetchAsync(DateOnly since, DateOnly until, EventStore store, IngestOptions options,
        Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        if (until < since)
        {
            throw new ArgumentException("--until is before --since.");
        }

        var list = await ReadListAsync(cancellationToken);
        var first = since.ToDateTime(TimeOnly.MinValue);
        var last = until.ToDateTime(new TimeOnly(23, 45));
        var inRange = list.Where(f => f.Slot >= first && f.Slot <= last).OrderBy(f => f.Slot).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        var listedSlots = inRange.Select(f => f.Slot).ToHashSet();
        var missing = new List<DateTime>();
        for (var slot = first; slot <= last && slot <= now; slot = slot.AddMinutes(15))
        {
            if (!listedSlots.Contains(slot))
            {
                missing.Add(slot);
            }
        }

        Directory.CreateDirectory(DownloadDirectory);
        var downloaded = new List<string>();
        var present = new List<string>();
        var failed = new List<(ListedFile, string)>();
        var ready = new List<string>();
        foreach (var file in inRange)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var target = Path.Combine(DownloadDirectory, Path.GetFileName(file.Url.LocalPath));
            if (File.Exists(target) && await Md5Async(target, cancellationToken) == file.Md5)
            {
                present.Add(target);
                ready.Add(target);
                continue;
            }

            var (ok, reason) = await DownloadAsync(file, target, cancellationToken);
            if (ok)
            {
                downloaded.Add(target);
                ready.Add(target);
                log?.Invoke($"downloaded {Path.GetFileName(target)}");
            }
            else
            {
                failed.Add((file, reason));
                log?.Invoke($"FAILED {file.Url}: {reason}");
            }
        }

        var ingested = ready.Count == 0 ? [] : await store.IngestAsync(ready, options, cancellationToken: cancellationToken);
        return new FetchReport(inRange, downloaded, present, failed, missing, ingested);
    }

    /// <summary>Parses <c>masterfilelist.txt</c> (<c>SIZE MD5 URL</c> per line), keeping the event export files.</summary>
    public async Task<List<ListedFile>> ReadListAsync(CancellationToken cancellationToken)
    {
        var text = await WithRetriesAsync(async () => await http.GetStringAsync(new Uri(baseUrl, "masterfilelist.txt"), cancellationToken), cancellationToken);
        var files = new List<ListedFile>();
        foreach (var line in text.Split('\n'))
        {
            var parts = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || !parts[2].EndsWith(".export.CSV.zip", StringComparison.OrdinalIgnoreCase)
                || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                || !Uri.TryCreate(parts[2], UriKind.Absolute, out var url))
            {
                continue;
            }

            var name = Path.GetFileName(url.LocalPath);
            if (!DateTime.TryParseExact(name[..14], "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var slot))
            {
                continue;
            }

            // The list names files on GDELT's host; fetch them relative to the configured base (mirrors, tests).
            files.Add(new ListedFile(size, parts[1].ToLowerInvariant(), new Uri(baseUrl, name), slot));
        }

        return files;
    }

    private async Task<(bool Ok, string Reason)> DownloadAsync(ListedFile file, string target, CancellationToken cancellationToken)
    {
        var partial = target + ".part";
        var reason = "";
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                using (var response = await http.GetAsync(file.Url, HttpCompletionOption.ResponseHeadersRead, cancellationToken))
                {
                    if (response.StatusCode == HttpStatusCode.NotFound)
                    {
                        return (false, "listed but not found on the server (404)");
                    }

                    response.EnsureSuccessStatusCode();
                    await using var output = File.Create(partial);
                    await response.Content.CopyToAsync(output, cancellationToken);
                }

                var length = new FileInfo(partial).Length;
                var md5 = await Md5Async(partial, cancellationToken);
                if (length == file.Size && md5 == file.Md5)
                {
                    File.Move(partial, target, overwrite: true);
                    return (true, "");
                }

                reason = $"size {length} / MD5 {md5} do not match the list ({file.Size} / {file.Md5})";
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                reason = ex.Message;
            }

            File.Delete(partial);
            if (attempt < Attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * Math.Pow(4, attempt - 1)), time, cancellationToken);
            }
        }

        return (false, $"{reason} (after {Attempts} attempts)");
    }

    private static async Task<T> WithRetriesAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (HttpRequestException) when (attempt < Attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }

    // GDELT publishes MD5 checksums: MD5 here detects corrupted downloads, it is not a security control.
#pragma warning disable CA5351
    private static async Task<string> Md5Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await MD5.HashDataAsync(stream, cancellationToken));
    }
#pragma warning restore CA5351
}
