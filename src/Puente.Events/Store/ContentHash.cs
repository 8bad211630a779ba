using System.IO.Hashing;

namespace Puente.Events.Store;

/// <summary>
/// A file's identity in the store. The file is cut into chunks on a fixed 32 MiB grid, each cut moved to just after the
/// next newline (the same chunks the reader parses in parallel); the hash is XXH128 of the chunks' XXH128s, in order,
/// as hex. It depends only on the content, not on the parallelism, and a plain file's hash is computed from the bytes
/// the reader reads anyway. A non-cryptographic hash is enough: it recognizes a file already ingested; it does not
/// defend against forged files (fetched files are checked against GDELT's MD5 list). Decision 0011.
/// </summary>
public static class ContentHash
{
    public const long GridBytes = 32L * 1024 * 1024;

    /// <summary>The newline-aligned chunks of a file (one for a file under 32 MiB).</summary>
    public static IReadOnlyList<(long Start, long Length)> Chunks(string path)
    {
        using var handle = File.OpenHandle(path);
        var length = RandomAccess.GetLength(handle);
        var starts = new List<long> { 0 };
        var probe = new byte[64 * 1024];
        for (var cut = GridBytes; cut < length; cut += GridBytes)
        {
            var at = cut;
            while (at < length)
            {
                var read = RandomAccess.Read(handle, probe, at);
                var newline = Array.IndexOf(probe, (byte)'\n', 0, read);
                if (newline >= 0)
                {
                    at += newline + 1;
                    break;
                }

                at += read;
            }

            if (at < length && at > starts[^1])
            {
                starts.Add(at);
            }
        }

        return [.. starts.Select((s, i) => (s, (i + 1 < starts.Count ? starts[i + 1] : length) - s))];
    }

    /// <summary>The hash of a whole file, reading it (in parallel chunks).</summary>
    public static string Of(string path, int parallelism, CancellationToken cancellationToken = default)
    {
        var chunks = Chunks(path);
        var hashes = new byte[chunks.Count * 16];
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        Parallel.For(0, chunks.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            () => new byte[1 << 20],
            (k, _, buffer) =>
            {
                var hash = new XxHash128();
                var (at, left) = chunks[k];
                while (left > 0)
                {
                    var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, left)), at);
                    if (read == 0)
                    {
                        throw new IOException($"{path} became shorter while it was being read.");
                    }

                    hash.Append(buffer.AsSpan(0, read));
                    at += read;
                    left -= read;
                }

                hash.GetCurrentHash(hashes.AsSpan(k * 16, 16));
                return buffer;
            }, _ => { });
        return Combine(hashes);
    }

    /// <summary>The file hash from its chunks' hashes (16 bytes each, in order).</summary>
    public static string Combine(ReadOnlySpan<byte> chunkHashes) => Convert.ToHexStringLower(XxHash128.Hash(chunkHashes));
}
