using LinkTools.Core.Monitoring;
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

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("W. Europe Standard Time")]
    public void AMaintenanceWindowTakesIanaAndWindowsTimeZoneIds(string zone)
    {
        // Windows PowerShell 5.1 (.NET Framework) knows only Windows ids, .NET on Linux without ICU only IANA ids: both forms are converted.
        Assert.True(MaintenanceWindow.TryParse("Sun 02:00 2h " + zone, out var window, out var error), error);
        var winter = new DateTimeOffset(2026, 1, 4, 1, 30, 0, TimeSpan.Zero); // a Sunday, 02:30 in Berlin (UTC+1)
        Assert.Equal(DayOfWeek.Sunday, winter.DayOfWeek);
        Assert.True(window.IsActive(winter));
        Assert.False(window.IsActive(winter.AddHours(-1)));
        var summer = new DateTimeOffset(2026, 7, 5, 0, 30, 0, TimeSpan.Zero); // a Sunday, 02:30 in Berlin (UTC+2)
        Assert.True(window.IsActive(summer));
        Assert.False(window.IsActive(summer.AddHours(2)));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/", "127.0.0.1:8080")]
    [InlineData("https://127.0.0.1/", "127.0.0.1")]
    [InlineData("https://127.0.0.1/shop/cart?id=1", "127.0.0.1/shop/cart")]
    [InlineData("https://user:secret@127.0.0.1/admin/", "127.0.0.1/admin/")]
    public void ASiteWithoutANameIsNamedByHostAndPath(string url, string name)
    {
        Assert.Equal(name, new WatchSite(new Uri(url)).Name);
        Assert.Equal("Shop", new WatchSite(new Uri(url), "Shop").Name);
    }
}
