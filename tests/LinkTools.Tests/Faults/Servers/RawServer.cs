using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace LinkTools.Tests.Faults.Servers;

/// <summary>
/// A TcpListener on a loopback address for faults Kestrel will not commit: silence, dripped bytes, resets,
/// lying Content-Length, duplicate headers. Each connection serves one request, then closes.
/// </summary>
public sealed class RawServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<RawRequest, RawConnection, CancellationToken, Task> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Task> _connections = new();
    private readonly Task _acceptLoop;
    private int _accepted;
    private long _bytesSent;

    private RawServer(IPAddress address, Func<RawRequest, RawConnection, CancellationToken, Task> handler)
    {
        _handler = handler;
        _listener = new TcpListener(address, 0);
        _listener.Start();
        var endpoint = (IPEndPoint)_listener.LocalEndpoint;
        BaseUri = new Uri($"http://{endpoint}/");
        _acceptLoop = AcceptLoopAsync();
    }

    public Uri BaseUri { get; }

    /// <summary>TCP connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _accepted);

    /// <summary>Bytes the handlers managed to hand to the socket.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>Every request head read, in arrival order.</summary>
    public ConcurrentQueue<RawRequest> Requests { get; } = new();

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    /// <param name="address">A loopback address; 127.0.0.1 unless another origin is wanted (127.0.0.2, ...).</param>
    public static RawServer Start(Func<RawRequest, RawConnection, CancellationToken, Task> handler, IPAddress? address = null)
    {
        address ??= IPAddress.Loopback;
        if (!IPAddress.IsLoopback(address)) throw new ArgumentException("Fault servers listen on loopback only.", nameof(address));
        return new RawServer(address, handler);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException || ex is SocketException || ex is ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            _connections.Add(ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        var connection = new RawConnection(socket, n => Interlocked.Add(ref _bytesSent, n));
        try
        {
            var request = await connection.ReadRequestAsync(_stop.Token);
            if (request == null) return;
            Requests.Enqueue(request);
            await _handler(request, connection, _stop.Token);
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is IOException || ex is SocketException || ex is OperationCanceledException || ex is ObjectDisposedException)
        {
            // The client went away or the handler reset the connection: both are the point of a fault server.
        }
        finally
        {
            socket.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _acceptLoop;
        await Task.WhenAll(_connections).WaitAsync(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}
