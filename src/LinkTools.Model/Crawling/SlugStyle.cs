namespace LinkTools.Model.Crawling
{
    /// <summary>How a Markdown heading becomes the anchor a "#fragment" link names.</summary>
    public enum SlugStyle
    {
        /// <summary>GitHub's: lower-case, punctuation and symbols dropped, each space to '-'.</summary>
        GitHub,

        /// <summary>Azure DevOps wikis': as GitHub, but a run of spaces and hyphens becomes one '-', trimmed at the ends.</summary>
        AzureDevOps,
    }
}
