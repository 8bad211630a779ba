// GDELT publishes MD5 checksums; the test writes a list in the same form.
#pragma warning disable CA5351
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Puente.Events.Fetch;
using Puente.Events.Measures;
using Puente.Events.Store;

namespace Puente.Events.Tests;

/// <summary>The fetcher against a local HTTP server serving real GDELT files, a corrupt one and a gap in the list.</summary>
public sealed class FetchTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("puente-fetch-").FullName;
    private readonly HttpListener _server = new();
    private readonly Dictionary<string, byte[]> _files = [];
    private readonly Dictionary<string, int> _requests = [];
    private readonly Dictionary<string, int> _failFirst = [];
    private readonly string _base;

    public FetchTests()
    {
        var port = FreePort();
        _base = $"http://127.0.0.1:{port}/gdeltv2/";
        _server.Prefixes.Add(_base);
        _server.Start();
        _ = Task.Run(ServeAsync);
    }

    [Fact]
    public async Task Fetch_checks_md5_reports_missing_slots_ingests_and_resumes_without_downloading_again()
    {
        // Three real 15-minute files of 2024-12-10, zipped as GDELT publishes them, and one whose bytes do not match the list.
        string[] real = ["20241210100000", "20241210101500", "20241210143000"];
        var lines = new List<string>();
        foreach (var slot in real)
        {
            var zip = Zip(Path.Combine(GdeltFiles.RealSampleFolder, slot + ".export.CSV"), slot + ".export.CSV");
            _files[slot + ".export.CSV.zip"] = zip;
            lines.Add($"{zip.Length} {Convert.ToHexStringLower(MD5.HashData(zip))} http://data.gdeltproject.org/gdeltv2/{slot}.export.CSV.zip");
            lines.Add($"123 0123456789abcdef0123456789abcdef http://data.gdeltproject.org/gdeltv2/{slot}.mentions.CSV.zip");
        }

        var corrupt = Zip(Path.Combine(GdeltFiles.RealSampleFolder, "20241210144500.export.CSV"), "20241210144500.export.CSV");
        _files["20241210144500.export.CSV.zip"] = corrupt[..^10];
        lines.Add($"{corrupt.Length} {Convert.ToHexStringLower(MD5.HashData(corrupt))} http://data.gdeltproject.org/gdeltv2/20241210144500.export.CSV.zip");
        _files["masterfilelist.txt"] = System.Text.Encoding.ASCII.GetBytes(string.Join('\n', lines) + "\n");

        var time = new FakeTimeProvider(new DateTimeOffset(2024, 12, 11, 12, 0, 0, TimeSpan.Zero));
        using var http = new HttpClient();
        var fetcher = new GdeltFetcher(http, new Uri(_base), _dir, time);
        var day = new DateOnly(2024, 12, 10);
        using (var store = EventStore.Open(Path.Combine(_dir, EventStore.FileName)))
        {
            var fetching = fetcher.FetchAsync(day, day, store, IngestOptions.Default);
            // Retries wait on the injected clock: move it on until the fetch completes.
            while (!fetching.IsCompleted)
            {
                time.Advance(TimeSpan.FromSeconds(5));
                await Task.Delay(10);
            }

            var report = await fetching;
            Assert.Equal(4, report.Listed.Count);
            Assert.Equal(3, report.Downloaded.Count);
            var failure = Assert.Single(report.Failed);
            Assert.Contains("do not match the list", failure.Reason, StringComparison.Ordinal);
            Assert.Equal(GdeltFetcher.Attempts, _requests["20241210144500.export.CSV.zip"]);
            Assert.Equal(96 - 4, report.MissingSlots.Count); // a day has 96 slots; 4 are listed
            Assert.DoesNotContain(new DateTime(2024, 12, 10, 10, 15, 0), report.MissingSlots);
            Assert.Contains(new DateTime(2024, 12, 10, 10, 30, 0), report.MissingSlots);
            Assert.Equal(3, report.Ingested.Count(o => o.Status == FileOutcome.Ingested));
            Assert.False(File.Exists(Path.Combine(fetcher.DownloadDirectory, "20241210144500.export.CSV.zip")));

            var expected = Reference.Summary(real.Select(s => Path.Combine(GdeltFiles.RealSampleFolder, s + ".export.CSV")), "USA", "MEX", false,
                EventMeasures.PeriodSql(Period.Day));
            Reference.AssertSame(expected, EventMeasures.Summary(store.Connection, new Dyad("USA", "MEX", false), Period.Day, null, null));

            // Run again: intact files are not downloaded again, nothing is counted twice.
            var again = fetcher.FetchAsync(day, day, store, IngestOptions.Default);
            while (!again.IsCompleted)
            {
                time.Advance(TimeSpan.FromSeconds(5));
                await Task.Delay(10);
            }

            var second = await again;
            Assert.Equal(3, second.AlreadyPresent.Count);
            Assert.Empty(second.Downloaded);
            Assert.Equal(1, _requests["20241210100000.export.CSV.zip"]);
            Reference.AssertSame(expected, EventMeasures.Summary(store.Connection, new Dyad("USA", "MEX", false), Period.Day, null, null));
        }
    }

    [Fact]
    public async Task A_server_error_is_retried_and_a_stopped_fetch_resumes_with_what_is_missing()
    {
        string[] slots = ["20241210100000", "20241210101500"];
        var lines = new List<string>();
        foreach (var slot in slots)
        {
            var zip = Zip(Path.Combine(GdeltFiles.RealSampleFolder, slot + ".export.CSV"), slot + ".export.CSV");
            _files[slot + ".export.CSV.zip"] = zip;
            lines.Add($"{zip.Length} {Convert.ToHexStringLower(MD5.HashData(zip))} http://data.gdeltproject.org/gdeltv2/{slot}.export.CSV.zip");
        }

        _files["masterfilelist.txt"] = System.Text.Encoding.ASCII.GetBytes(string.Join('\n', lines) + "\n");
        _failFirst["20241210100000.export.CSV.zip"] = 1;                       // one HTTP 500, then success
        _failFirst["20241210101500.export.CSV.zip"] = GdeltFetcher.Attempts;   // down for the whole first run

        var time = new FakeTimeProvider(new DateTimeOffset(2024, 12, 11, 0, 0, 0, TimeSpan.Zero));
        using var http = new HttpClient();
        var fetcher = new GdeltFetcher(http, new Uri(_base), _dir, time);
        var day = new DateOnly(2024, 12, 10);
        using var store = EventStore.Open(Path.Combine(_dir, EventStore.FileName));

        var first = await RunAsync(fetcher.FetchAsync(day, day, store, IngestOptions.Default), time);
        Assert.Equal(["20241210100000.export.CSV.zip"], first.Downloaded.Select(Path.GetFileName));
        Assert.Equal(2, _requests["20241210100000.export.CSV.zip"]);
        var failure = Assert.Single(first.Failed);
        Assert.Contains("500", failure.Reason, StringComparison.Ordinal);

        var second = await RunAsync(fetcher.FetchAsync(day, day, store, IngestOptions.Default), time);
        Assert.Equal(["20241210101500.export.CSV.zip"], second.Downloaded.Select(Path.GetFileName));
        Assert.Equal(["20241210100000.export.CSV.zip"], second.AlreadyPresent.Select(Path.GetFileName));
        Assert.Empty(second.Failed);
        Assert.Equal(2, _requests["20241210100000.export.CSV.zip"]); // not downloaded again
        var expected = Reference.Summary(slots.Select(s => Path.Combine(GdeltFiles.RealSampleFolder, s + ".export.CSV")), "USA", "MEX", false,
            EventMeasures.PeriodSql(Period.Day));
        Reference.AssertSame(expected, EventMeasures.Summary(store.Connection, new Dyad("USA", "MEX", false), Period.Day, null, null));
    }

    private static async Task<FetchReport> RunAsync(Task<FetchReport> fetching, FakeTimeProvider time)
    {
        while (!fetching.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(10);
        }

        return await fetching;
    }

    private static byte[] Zip(string path, string entryName)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntryFromFile(path, entryName);
        }

        return buffer.ToArray();
    }

    private async Task ServeAsync()
    {
        while (_server.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _server.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var name = context.Request.Url!.Segments[^1];
            lock (_requests)
            {
                _requests[name] = _requests.GetValueOrDefault(name) + 1;
            }

            var fail = false;
            lock (_requests)
            {
                if (_failFirst.TryGetValue(name, out var left) && left > 0)
                {
                    _failFirst[name] = left - 1;
                    fail = true;
                }
            }

            if (fail)
            {
                context.Response.StatusCode = 500;
            }
            else if (_files.TryGetValue(name, out var bytes))
            {
                context.Response.StatusCode = 200;
                await context.Response.OutputStream.WriteAsync(bytes);
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _server.Close();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
