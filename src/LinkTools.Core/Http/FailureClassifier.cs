using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Http
{
    /// <summary>Turns the exceptions HttpClient throws on any platform into a failure class and a sentence.</summary>
    internal static class FailureClassifier
    {
        public static (FailureKind Kind, string Reason, bool Transient) Classify(Exception exception, Uri uri)
        {
            for (Exception? e = exception; e != null; e = e.InnerException)
            {
                switch (e)
                {
                    case SocketException socket:
                        return FromSocket(socket, uri);
                    case AuthenticationException auth:
                        return (FailureKind.Tls, DescribeTls(auth), false);
                    case WebException web when web.Status != WebExceptionStatus.UnknownError:
                        return FromWebException(web, uri);
                }
            }

            for (Exception? e = exception; e != null; e = e.InnerException)
            {
                if (e is IOException io)
                {
                    // The peer closed or reset the connection part-way: worth another try.
                    return (FailureKind.Connect, "connection closed by the server: " + io.Message, true);
                }
            }

            if (exception is HttpRequestException && exception.InnerException == null)
            {
                // Nothing failed underneath: the server answered, but not with HTTP the client accepts (a garbage
                // status line, headers over the handler's limit). That is the server's fault, not the connection's.
                return (FailureKind.Http, "unusable response from " + uri.Authority + ": " + exception.Message, false);
            }

            return (FailureKind.Connect, Innermost(exception).Message, false);
        }

        private static (FailureKind, string, bool) FromSocket(SocketException socket, Uri uri)
        {
            switch (socket.SocketErrorCode)
            {
                case SocketError.HostNotFound:
                case SocketError.NoData:
                case SocketError.TryAgain:
                    return (FailureKind.Dns, "DNS name not found: " + uri.Host, false);
                case SocketError.ConnectionRefused:
                    return (FailureKind.Connect, "connection refused by " + uri.Authority, false);
                case SocketError.ConnectionReset:
                case SocketError.ConnectionAborted:
                case SocketError.Shutdown:
                    return (FailureKind.Connect, "connection reset by " + uri.Authority, true);
                case SocketError.TimedOut:
                    return (FailureKind.Timeout, "connection to " + uri.Authority + " timed out", true);
                case SocketError.NetworkUnreachable:
                case SocketError.HostUnreachable:
                    return (FailureKind.Connect, uri.Authority + " is unreachable", false);
                default:
                    return (FailureKind.Connect, "connection to " + uri.Authority + " failed: " + socket.Message, false);
            }
        }

        private static (FailureKind, string, bool) FromWebException(WebException web, Uri uri)
        {
            switch (web.Status)
            {
                case WebExceptionStatus.NameResolutionFailure:
                    return (FailureKind.Dns, "DNS name not found: " + uri.Host, false);
                case WebExceptionStatus.TrustFailure:
                case WebExceptionStatus.SecureChannelFailure:
                    return (FailureKind.Tls, "certificate not trusted: " + web.Message, false);
                case WebExceptionStatus.Timeout:
                    return (FailureKind.Timeout, "timed out", true);
                case WebExceptionStatus.ConnectionClosed:
                case WebExceptionStatus.ReceiveFailure:
                case WebExceptionStatus.KeepAliveFailure:
                    return (FailureKind.Connect, "connection closed by the server: " + web.Message, true);
                default:
                    return (FailureKind.Connect, "connection to " + uri.Authority + " failed: " + web.Message, false);
            }
        }

        private static string DescribeTls(AuthenticationException auth)
        {
            string message = auth.Message;
            return message.IndexOf("certificate", StringComparison.OrdinalIgnoreCase) >= 0
                ? "certificate not trusted: " + message
                : "TLS handshake failed: " + message;
        }

        private static Exception Innermost(Exception exception)
        {
            while (exception.InnerException != null) exception = exception.InnerException;
            return exception;
        }
    }
}
