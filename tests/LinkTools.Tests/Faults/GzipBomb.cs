using System.IO.Compression;

namespace LinkTools.Tests.Faults;

/// <summary>A small gzip body that inflates to hundreds of megabytes, built once per test run.</summary>
public static class GzipBomb
{
    public const long InflatedBytes = 256L * 1024 * 1024;

    private static readonly Lazy<byte[]> Bytes = new(Build);

    public static byte[] Compressed => Bytes.Value;

    private static byte[] Build()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < InflatedBytes; written += zeros.Length) gzip.Write(zeros);
        }

        return output.ToArray();
    }
}
