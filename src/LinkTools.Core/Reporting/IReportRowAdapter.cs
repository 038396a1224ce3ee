namespace LinkTools.Core.Reporting
{
    /// <summary>Turns one kind of result object into a <see cref="ReportRow"/>.</summary>
    public interface IReportRowAdapter
    {
        bool TryConvert(object item, out ReportRow row);
    }
}
