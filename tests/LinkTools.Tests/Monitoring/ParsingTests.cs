using LinkTools.Core.Monitoring.Checks;
using LinkTools.Core.Monitoring.States;

namespace LinkTools.Tests.Monitoring;

public class ParsingTests
{
    [Theory]
    [InlineData("200-299,301", 204, true)]
    [InlineData("200-299,301", 301, true)]
    [InlineData("200-299,301", 302, false)]
    [InlineData("200", 200, true)]
    [InlineData("", 399, true)]
    [InlineData("", 400, false)]
    public void ExpectStatusAcceptsCodesAndRanges(string text, int status, bool accepted)
    {
        Assert.True(StatusRanges.TryParse(text, out var ranges, out _));
        Assert.Equal(accepted, ranges.Contains(status));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("299-200")]
    [InlineData("50")]
    [InlineData(",")]
    public void BadExpectStatusIsNamed(string text)
    {
        Assert.False(StatusRanges.TryParse(text, out _, out var error));
        Assert.Contains(text, error);
    }

    [Fact]
    public void MaintenanceWindowsOpenOnTheirDaysInTheirTimeZoneAndMayCrossMidnight()
    {
        Assert.True(MaintenanceWindow.TryParse("Sun 23:00 2h UTC", out var window, out var error), error);
        var sunday = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero); // a Sunday
        Assert.Equal(DayOfWeek.Sunday, sunday.DayOfWeek);
        Assert.False(window.IsActive(sunday.AddHours(22).AddMinutes(59)));
        Assert.True(window.IsActive(sunday.AddHours(23)));
        Assert.True(window.IsActive(sunday.AddHours(24).AddMinutes(59))); // Monday 00:59, still the Sunday window
        Assert.False(window.IsActive(sunday.AddHours(25)));
        Assert.False(window.IsActive(sunday.AddDays(1).AddHours(23))); // Monday evening: no window

        Assert.True(MaintenanceWindow.TryParse("Mon-Fri 02:00 30m", out var weekdays, out _));
        Assert.Equal(5, weekdays.Days.Count);
        Assert.True(MaintenanceWindow.TryParse("03:00 1h", out var daily, out _));
        Assert.Equal(7, daily.Days.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("02:00")]
    [InlineData("Someday 02:00 1h")]
    [InlineData("25:00 1h")]
    [InlineData("02:00 1x")]
    [InlineData("Sun 02:00 1h Not/AZone")]
    public void BadMaintenanceWindowsAreRefusedWithTheFormat(string text)
    {
        Assert.False(MaintenanceWindow.TryParse(text, out _, out var error));
        Assert.Contains(text.Length == 0 ? "''" : text.Split(' ').Last(), error);
    }
}
