namespace LinkTools.Model.Checking
{
    /// <summary>How a link is requested.</summary>
    public enum CheckMethod
    {
        /// <summary>HEAD first; every HEAD failure is confirmed with a GET before the link is called broken.</summary>
        Auto,
        Head,
        Get,
    }
}
