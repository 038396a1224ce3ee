using System;
using System.Collections.Generic;
using LinkTools.Core.Text;

namespace LinkTools.Core.Http
{
    /// <summary>
    /// Which extra request headers a user may give: a valid name, a value on one line, and none of the headers the
    /// HTTP stack writes itself. Checked before anything is sent, so a bad header is named instead of breaking every
    /// request, being dropped silently or smuggling a second header onto the wire.
    /// </summary>
    public static class RequestHeaderRules
    {
        // Framing and routing: the HTTP stack sets these for each request; a given value would break or redirect it.
        private static readonly HashSet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Host", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Proxy-Connection", "Upgrade", "TE", "Trailer", "Expect",
        };

        /// <summary>Why the header cannot be sent ("'X Y' is not a valid header name"), or null when it can.</summary>
        public static string? Problem(string name, string value)
        {
            if (name.Length == 0) return "a header name is empty";
            if (!IsToken(name)) return $"'{ConsoleText.EscapeControls(name)}' is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only, no spaces or colons)";
            if (Reserved.Contains(name)) return $"'{name}' is set by the HTTP stack for each request and cannot be given";
            if (value.IndexOfAny(LineBreaks) >= 0) return $"the value of '{name}' contains a line break (CR or LF) or NUL, which would end the header early";
            return null;
        }

        private static readonly char[] LineBreaks = { '\r', '\n', '\0' };

        // RFC 9110 token characters.
        private static bool IsToken(string name)
        {
            foreach (char c in name)
            {
                bool ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0;
                if (!ok) return false;
            }

            return true;
        }
    }
}
