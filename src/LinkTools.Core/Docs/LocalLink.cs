using System;
using System.Collections.Generic;

namespace LinkTools.Core.Docs
{
    internal enum LocalLinkKind
    {
        /// <summary>"#id", or a link to the file itself.</summary>
        SameFile,

        /// <summary>A file or folder under the root.</summary>
        Local,

        /// <summary>An http(s) URL, for the engine.</summary>
        Remote,

        /// <summary>mailto:, tel:, ftp: ... not checked.</summary>
        OtherScheme,

        /// <summary>A path that climbs out of the root folder: refused.</summary>
        OutsideRoot,

        Invalid,
    }

    /// <summary>
    /// Where a link written in a documentation file points, resolved as a browser resolves it against the file's place
    /// under the root (so "/x" is the root's x, and a relative &lt;base href&gt; moves the folder links start from), except
    /// that "..", instead of stopping at the top as a URL would, is refused when it would leave the root.
    /// </summary>
    internal readonly struct LocalLink
    {
        private LocalLink(LocalLinkKind kind, string path, bool folderForm, string fragment, Uri? remote, string display)
        {
            Kind = kind;
            Path = path;
            FolderForm = folderForm;
            Fragment = fragment;
            Remote = remote;
            Display = display;
        }

        public LocalLinkKind Kind { get; }

        /// <summary>Root-relative, '/'-separated and percent-decoded, without query or fragment (Local).</summary>
        public string Path { get; }

        /// <summary>Written with a trailing '/': only a folder (or a Markdown page of that name) answers it.</summary>
        public bool FolderForm { get; }

        /// <summary>The fragment without '#', decoded; "" when there is none.</summary>
        public string Fragment { get; }

        public Uri? Remote { get; }

        /// <summary>The link as results show it: the resolved path (and fragment) or URL; what was written when it does not resolve.</summary>
        public string Display { get; }

        /// <param name="filePath">The root-relative path of the file holding the link.</param>
        /// <param name="baseHref">The file's &lt;base href&gt;, or null.</param>
        public static LocalLink Resolve(string filePath, string? baseHref, string raw)
        {
            string reference = raw.Replace('\\', '/');
            string folder = FolderOf(filePath);
            if (baseHref != null && baseHref.Length > 0)
            {
                var baseLink = Resolve(filePath, null, baseHref);
                if (baseLink.Kind == LocalLinkKind.Remote)
                {
                    return Uri.TryCreate(baseLink.Remote!, raw, out var viaBase) && IsHttp(viaBase) ? ToRemote(viaBase) : Invalid(raw);
                }

                if (baseLink.Kind == LocalLinkKind.Local || baseLink.Kind == LocalLinkKind.SameFile)
                {
                    folder = baseLink.FolderForm ? baseLink.Path : FolderOf(baseLink.Path);
                    if (reference.StartsWith("#", StringComparison.Ordinal) || reference.Length == 0) return SameFile(filePath, reference);
                }
            }

            if (reference.StartsWith("//", StringComparison.Ordinal)) reference = "https:" + reference;
            int colon = SchemeEnd(reference);
            if (colon > 0)
            {
                if (!Uri.TryCreate(raw.StartsWith("//", StringComparison.Ordinal) ? "https:" + raw : raw, UriKind.Absolute, out var absolute)) return Invalid(raw);
                return IsHttp(absolute) ? ToRemote(absolute) : new LocalLink(LocalLinkKind.OtherScheme, "", false, "", absolute, raw);
            }

            int hash = reference.IndexOf('#');
            string fragmentText = hash >= 0 ? reference.Substring(hash + 1) : "";
            string pathPart = hash >= 0 ? reference.Substring(0, hash) : reference;
            int query = pathPart.IndexOf('?');
            if (query >= 0) pathPart = pathPart.Substring(0, query);
            if (pathPart.Length == 0) return SameFile(filePath, reference);

            string decoded;
            try
            {
                decoded = Uri.UnescapeDataString(pathPart);
            }
            catch (UriFormatException)
            {
                return Invalid(raw);
            }

            var segments = new List<string>();
            if (!decoded.StartsWith("/", StringComparison.Ordinal) && folder.Length > 0) segments.AddRange(folder.Split('/'));
            foreach (var segment in decoded.Split('/'))
            {
                if (segment.Length == 0 || segment == ".") continue;
                if (segment == "..")
                {
                    if (segments.Count == 0) return new LocalLink(LocalLinkKind.OutsideRoot, "", false, "", null, raw);
                    segments.RemoveAt(segments.Count - 1);
                    continue;
                }

                segments.Add(segment);
            }

            string path = string.Join("/", segments);
            bool folderForm = decoded.EndsWith("/", StringComparison.Ordinal) || decoded.EndsWith("/.", StringComparison.Ordinal) || decoded.EndsWith("/..", StringComparison.Ordinal) || decoded == "." || decoded == "..";
            string fragment = Unescape(fragmentText);
            string display = path + (folderForm && path.Length > 0 ? "/" : "") + (hash >= 0 ? "#" + fragmentText : "");
            return new LocalLink(LocalLinkKind.Local, path, folderForm, fragment, null, display.Length == 0 ? "/" : display);
        }

        private static LocalLink SameFile(string filePath, string reference)
        {
            int hash = reference.IndexOf('#');
            string fragmentText = hash >= 0 ? reference.Substring(hash + 1) : "";
            return new LocalLink(LocalLinkKind.SameFile, filePath, false, Unescape(fragmentText), null, filePath + (hash >= 0 ? "#" + fragmentText : ""));
        }

        private static LocalLink ToRemote(Uri uri) => new LocalLink(LocalLinkKind.Remote, "", false, "", uri, uri.AbsoluteUri);

        private static LocalLink Invalid(string raw) => new LocalLink(LocalLinkKind.Invalid, "", false, "", null, raw);

        private static bool IsHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

        private static string FolderOf(string path)
        {
            int slash = path.LastIndexOf('/');
            return slash < 0 ? "" : path.Substring(0, slash);
        }

        /// <summary>The index of the ':' ending a URL scheme (RFC 3986: a letter, then letters, digits, '+', '-', '.'), or -1.</summary>
        private static int SchemeEnd(string reference)
        {
            for (int i = 0; i < reference.Length; i++)
            {
                char c = reference[i];
                if (c == ':') return i;
                bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                if (!(letter || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')))) return -1;
            }

            return -1;
        }

        private static string Unescape(string text)
        {
            try
            {
                return Uri.UnescapeDataString(text);
            }
            catch (UriFormatException)
            {
                return text;
            }
        }
    }
}
