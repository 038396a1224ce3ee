using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LinkTools.Core.Demo
{
    /// <summary>A response the demo server sends.</summary>
    public sealed class DemoResponse
    {
        public int Status { get; set; } = 200;
        public string Reason { get; set; } = "OK";
        public string ContentType { get; set; } = "text/html; charset=utf-8";
        public byte[] Body { get; set; } = Array.Empty<byte>();
        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>();
        public TimeSpan Delay { get; set; }

        public static DemoResponse Html(string html) => new DemoResponse { Body = Encoding.UTF8.GetBytes(html) };
    }

    /// <summary>
    /// A minimal HTTP/1.1 server on 127.0.0.1 for the built-in demo. Hand-written on TcpListener because the demo must
    /// run inside Windows PowerShell 5.1 as well, where HttpListener needs an administrator's URL reservation.
    /// </summary>
    public sealed class LoopbackHttpServer : IDisposable
    {
        private const int MaxHeadBytes = 32 * 1024;
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly Func<string, string, DemoResponse> _route;
        private readonly CancellationTokenSource _stop = new();

        /// <param name="route">Maps (method, path and query) to a response.</param>
        public LoopbackHttpServer(Func<string, string, DemoResponse> route)
        {
            _route = route;
            _listener.Start();
            BaseUri = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/");
            _ = Task.Run(AcceptLoopAsync);
        }

        public Uri BaseUri { get; }

        /// <summary>Requests answered 304: an If-None-Match that named the response's ETag.</summary>
        public int NotModified => Volatile.Read(ref _notModified);

        private int _notModified;

        private static bool IsUnchanged(DemoResponse response, string head) =>
            response.Status == 200 && response.Headers.TryGetValue("ETag", out var tag) && HeaderValue(head, "If-None-Match") == tag;

        /// <summary>A request header's value (the first line naming it), or null.</summary>
        private static string? HeaderValue(string head, string name)
        {
            foreach (var line in head.Split(new[] { "\r\n" }, StringSplitOptions.None))
            {
                int colon = line.IndexOf(':');
                if (colon > 0 && string.Equals(line.Substring(0, colon).Trim(), name, StringComparison.OrdinalIgnoreCase)) return line.Substring(colon + 1).Trim();
            }

            return null;
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (SocketException)
                {
                    continue;
                }

                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                client.NoDelay = true;
                var stream = client.GetStream();
                var buffer = new byte[MaxHeadBytes];
                int filled = 0;
                try
                {
                    while (!_stop.IsCancellationRequested)
                    {
                        int headEnd;
                        while ((headEnd = IndexOfHeadEnd(buffer, filled)) < 0)
                        {
                            if (filled == buffer.Length) return;
                            int read = await stream.ReadAsync(buffer, filled, buffer.Length - filled, _stop.Token).ConfigureAwait(false);
                            if (read == 0) return;
                            filled += read;
                        }

                        string head = Encoding.ASCII.GetString(buffer, 0, headEnd);
                        Array.Copy(buffer, headEnd + 4, buffer, 0, filled - headEnd - 4);
                        filled -= headEnd + 4;

                        string[] requestLine = head.Split(new[] { "\r\n" }, StringSplitOptions.None)[0].Split(' ');
                        if (requestLine.Length < 3) return;
                        string method = requestLine[0];
                        bool close = head.IndexOf("Connection: close", StringComparison.OrdinalIgnoreCase) >= 0;

                        var response = _route(method, requestLine[1]);
                        if (IsUnchanged(response, head))
                        {
                            // As a web server answers a conditional request for a page that has not changed: no body.
                            Interlocked.Increment(ref _notModified);
                            response = new DemoResponse { Status = 304, Reason = "Not Modified", ContentType = response.ContentType };
                            response.Headers["ETag"] = HeaderValue(head, "If-None-Match")!;
                        }

                        if (response.Delay > TimeSpan.Zero) await Task.Delay(response.Delay, _stop.Token).ConfigureAwait(false);
                        await WriteAsync(stream, method, response, close).ConfigureAwait(false);
                        if (close) return;
                    }
                }
                catch (Exception ex) when (ex is IOException || ex is OperationCanceledException || ex is ObjectDisposedException || ex is SocketException)
                {
                    // The client went away or the server is stopping.
                }
            }
        }

        private async Task WriteAsync(NetworkStream stream, string method, DemoResponse response, bool close)
        {
            var head = new StringBuilder();
            head.Append("HTTP/1.1 ").Append(response.Status).Append(' ').Append(response.Reason).Append("\r\n");
            head.Append("Content-Type: ").Append(response.ContentType).Append("\r\n");
            head.Append("Content-Length: ").Append(response.Body.Length).Append("\r\n");
            foreach (var header in response.Headers) head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
            head.Append(close ? "Connection: close\r\n" : "Connection: keep-alive\r\n").Append("\r\n");
            var bytes = Encoding.ASCII.GetBytes(head.ToString());
            await stream.WriteAsync(bytes, 0, bytes.Length, _stop.Token).ConfigureAwait(false);
            if (method != "HEAD" && response.Body.Length > 0)
            {
                await stream.WriteAsync(response.Body, 0, response.Body.Length, _stop.Token).ConfigureAwait(false);
            }
        }

        private static int IndexOfHeadEnd(byte[] buffer, int length)
        {
            for (int i = 3; i < length; i++)
            {
                if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r') return i - 3;
            }

            return -1;
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }
    }
}
