using System.Collections.Generic;

namespace LinkTools.Core.Crawling
{
    /// <summary>Reads the URLs out of a srcset attribute ("a.png 1x, b.png 2x"), as the HTML standard splits it.</summary>
    public static class SrcSet
    {
        public static IEnumerable<string> Parse(string? srcset)
        {
            if (string.IsNullOrEmpty(srcset)) yield break;
            int i = 0;
            string text = srcset!;
            while (i < text.Length)
            {
                while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == ',')) i++;
                if (i >= text.Length) yield break;

                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
                string url = text.Substring(start, i - start);

                // A URL that ends in commas ends the candidate there; otherwise the descriptors run to the next comma.
                if (url.EndsWith(","))
                {
                    url = url.TrimEnd(',');
                }
                else
                {
                    int depth = 0;
                    while (i < text.Length && (text[i] != ',' || depth > 0))
                    {
                        if (text[i] == '(') depth++;
                        else if (text[i] == ')' && depth > 0) depth--;
                        i++;
                    }
                }

                if (url.Length > 0) yield return url;
            }
        }
    }
}
