using System;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;

namespace LinkTools.Core.Http
{
    /// <summary>Builds the one handler an engine uses, with every limit set on the handler and nothing process-wide.</summary>
    internal static class HttpHandlerFactory
    {
        // SslProtocols.Tls13 is missing from netstandard2.0's enum; its value is stable.
        private const SslProtocols Tls13 = (SslProtocols)12288;

        public static HttpClientHandler Create(EngineOptions options, ICredentials? credentials)
        {
            var handler = new HttpClientHandler
            {
                // The engine follows redirects itself so it can record the chain and refuse unsafe targets.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseCookies = false,
                // .NET Framework defaults to 2 connections per server; a lower handler limit than the
                // engine's own throttle turns parallelism into queueing and false timeouts.
                MaxConnectionsPerServer = Math.Max(options.MaxConcurrencyPerHost, options.ThrottleLimit),
                PreAuthenticate = false,
            };

            TrySetProtocols(handler);

            if (credentials != null)
            {
                handler.Credentials = credentials;
            }

            if (options.SkipCertificateCheck)
            {
                handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
            }

            if (options.ClientCertificate != null)
            {
                handler.ClientCertificateOptions = ClientCertificateOption.Manual;
                handler.ClientCertificates.Add(options.ClientCertificate);
            }

            if (options.Proxy != null)
            {
                handler.UseProxy = true;
                handler.Proxy = new WebProxy(options.Proxy) { Credentials = options.ProxyCredential };
            }

            return handler;
        }

        private static void TrySetProtocols(HttpClientHandler handler)
        {
            try
            {
                handler.SslProtocols = SslProtocols.Tls12 | Tls13;
            }
            catch (Exception ex) when (ex is NotSupportedException || ex is PlatformNotSupportedException || ex is ArgumentException)
            {
                // Older .NET Framework builds reject TLS 1.3; TLS 1.2 alone is still set on this handler only.
                handler.SslProtocols = SslProtocols.Tls12;
            }
        }
    }
}
