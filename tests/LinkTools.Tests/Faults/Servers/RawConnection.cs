using System.Net.Sockets;
using System.Text;

namespace LinkTools.Tests.Faults.Servers;

/// <summary>One accepted socket a fault handler may misuse at will: drip, lie, stall or reset.</summary>
public sealed class RawConnection
{
    private const int MaxHeadBytes = 1024 * 1024;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly Action<long> _countSent;

    internal RawConnection(Socket socket, Action<long> countSent)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _countSent = countSent;
    }

    public System.Net.EndPoint LocalEndPoint => _socket.LocalEndPoint!;

    /// <summary>Reads one request head, or null when the client closed first.</summary>
    internal async Task<RawRequest?> ReadRequestAsync(CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (head.Count > MaxHeadBytes) return null;
            int read = await _stream.ReadAsync(one, cancellationToken);
            if (read == 0) return null;
            head.Add(one[0]);
        }

        var lines = Encoding.Latin1.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var start = lines[0].Split(' ');
        var headers = lines.Skip(1)
            .Select(l => l.Split(':', 2))
            .Select(p => new KeyValuePair<string, string>(p[0].Trim(), p.Length > 1 ? p[1].Trim() : ""))
            .ToList();
        return new RawRequest(start[0], start.Length > 1 ? start[1] : "", headers);
    }

    public async Task WriteAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(bytes, cancellationToken);
        _countSent(bytes.Length);
    }

    public Task WriteAsync(string text, CancellationToken cancellationToken) => WriteAsync(Encoding.Latin1.GetBytes(text), cancellationToken);

    /// <summary>Writes a complete response that closes the connection after it.</summary>
    public Task RespondAsync(int status, string headers, string body, CancellationToken cancellationToken) =>
        WriteAsync($"HTTP/1.1 {status} X\r\n{headers}Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}", cancellationToken);

    /// <summary>Sends the text one byte at a time with a pause between bytes (a slow-loris peer).</summary>
    public async Task DripAsync(string text, TimeSpan pause, CancellationToken cancellationToken)
    {
        foreach (byte b in Encoding.Latin1.GetBytes(text))
        {
            await WriteAsync(new[] { b }, cancellationToken);
            await Task.Delay(pause, cancellationToken);
        }
    }

    /// <summary>Closes with a TCP reset (RST) instead of an orderly FIN.</summary>
    public void Reset()
    {
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';
}
