using System.Collections.Generic;
using System.Globalization;
using System.Text;
using LinkTools.Core.Crawling;
using LinkTools.Model.Crawling;

namespace LinkTools.Core.Docs
{
    /// <summary>
    /// The anchors a Markdown renderer gives a file's headings, in document order: lower-case, punctuation and symbols
    /// (emoji included) dropped, letters and digits of any script kept, spaces to '-'; a repeated anchor gets "-1", "-2"...
    /// GitHub turns each space into a '-'; Azure DevOps wikis one run of spaces and hyphens, trimmed at the ends.
    /// </summary>
    internal sealed class HeadingSlugs
    {
        private readonly SlugStyle _style;
        private readonly Dictionary<string, int> _seen = new();

        public HeadingSlugs(SlugStyle style) => _style = style;

        /// <summary>The next heading's anchor, unique within the file.</summary>
        public string Next(string headingText)
        {
            string slug = Slug(headingText, _style);
            if (!_seen.TryGetValue(slug, out int count))
            {
                _seen[slug] = 0;
                return slug;
            }

            // "a", "a", "a-1" gives a, a-1, a-1-1: a suffixed slug is itself taken.
            string candidate;
            do
            {
                count++;
                candidate = slug + "-" + count.ToString(CultureInfo.InvariantCulture);
            }
            while (_seen.ContainsKey(candidate));

            _seen[slug] = count;
            _seen[candidate] = 0;
            return candidate;
        }

        public static string Slug(string text, SlugStyle style)
        {
            var slug = new StringBuilder(text.Length);
            bool collapse = style == SlugStyle.AzureDevOps;
            foreach (char c in text.Trim().ToLowerInvariant())
            {
                if (c == ' ' || c == '-' || char.IsWhiteSpace(c))
                {
                    if (collapse && (slug.Length == 0 || slug[slug.Length - 1] == '-')) continue;
                    slug.Append('-');
                    continue;
                }

                if (Kept(c)) slug.Append(c);
            }

            if (collapse)
            {
                while (slug.Length > 0 && slug[slug.Length - 1] == '-') slug.Length--;
            }

            return slug.ToString();
        }

        // Letters, marks and digits of any script and '_' stay; every other punctuation mark and symbol goes.
        private static bool Kept(char c)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.UppercaseLetter:
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.TitlecaseLetter:
                case UnicodeCategory.ModifierLetter:
                case UnicodeCategory.OtherLetter:
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                case UnicodeCategory.DecimalDigitNumber:
                case UnicodeCategory.LetterNumber:
                case UnicodeCategory.OtherNumber:
                case UnicodeCategory.ConnectorPunctuation:
                    return true;
                default:
                    return false;
            }
        }
    }
}
