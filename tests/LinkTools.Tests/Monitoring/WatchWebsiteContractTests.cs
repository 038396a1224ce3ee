using System.Management.Automation;
using System.Reflection;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.History;
using LinkTools.Core.Monitoring.Notifications;
using LinkTools.Model.Monitoring;
using LinkTools.Model.Monitoring.History;
using LinkTools.Model.Monitoring.Notifications;
using LinkTools.PowerShell.Commands;
using static LinkTools.Tests.Cmdlets.CmdletContractTests;

namespace LinkTools.Tests.Monitoring;

/// <summary>What PowerShell will see of Watch-Website and Get-WebsiteUptime, read as metadata.</summary>
public class WatchWebsiteContractTests
{
    [Fact]
    public void SitesComeFromThePipelineByValueAndByPropertyNameAsImportCsvGivesThem()
    {
        var uri = Param(typeof(WatchWebsiteCommand), "Uri");
        var attribute = Assert.Single(ParameterAttributes(uri));
        Assert.Equal(true, Named(attribute, "ValueFromPipeline"));
        Assert.Equal(true, Named(attribute, "ValueFromPipelineByPropertyName"));
        var aliases = (IEnumerable<CustomAttributeTypedArgument>)Attribute(uri.GetCustomAttributesData(), typeof(AliasAttribute))!.ConstructorArguments[0].Value!;
        Assert.Contains("Url", aliases.Select(a => (string)a.Value!)); // a CSV's Url column

        foreach (var perRow in new[] { "Name", "ExpectContent", "ExpectStatus", "MaintenanceWindow" })
        {
            Assert.Equal(true, Named(Assert.Single(ParameterAttributes(Param(typeof(WatchWebsiteCommand), perRow))), "ValueFromPipelineByPropertyName"));
        }
    }

    [Fact]
    public void OutputTypesAreTheTypedResults()
    {
        Assert.Equal(new[] { typeof(SiteStateChange), typeof(SiteCheckResult) }.OrderBy(t => t.Name), OutputTypes(typeof(WatchWebsiteCommand)).OrderBy(t => t.Name));
        Assert.Equal(new[] { typeof(SiteUptime) }, OutputTypes(typeof(GetWebsiteUptimeCommand)));
    }

    [Theory]
    [InlineData("OnStateChange", typeof(ScriptBlock[]))]
    [InlineData("Condition", typeof(ScriptBlock))]
    [InlineData("NotifyBatch", typeof(TimeSpan))]
    [InlineData("ReminderInterval", typeof(TimeSpan?))]
    [InlineData("WebhookUrl", typeof(Uri[]))]
    [InlineData("WebhookFormat", typeof(WebhookFormat))]
    [InlineData("SmtpServer", typeof(string))]
    [InlineData("From", typeof(string))]
    [InlineData("To", typeof(string[]))]
    [InlineData("SmtpCredential", typeof(PSCredential))]
    [InlineData("UseSsl", typeof(SwitchParameter))]
    [InlineData("CanaryUri", typeof(Uri))]
    [InlineData("Once", typeof(SwitchParameter))]
    [InlineData("StatePath", typeof(string))]
    [InlineData("HistoryPath", typeof(string))]
    [InlineData("Duration", typeof(TimeSpan?))]
    [InlineData("PassThru", typeof(SwitchParameter))]
    [InlineData("FailOn", typeof(string))]
    [InlineData("ThrottleLimit", typeof(int))]
    [InlineData("MaxConcurrencyPerHost", typeof(int))]
    public void TheIssueParametersExist(string name, Type type)
    {
        var property = Param(typeof(WatchWebsiteCommand), name);
        Assert.Equal(type, property.PropertyType);
        Assert.NotEmpty(ParameterAttributes(property));
    }

    [Fact]
    public void FailOnAcceptsDownOrDegraded()
    {
        var set = Attribute(Param(typeof(WatchWebsiteCommand), "FailOn").GetCustomAttributesData(), typeof(ValidateSetAttribute))!;
        var values = ((IEnumerable<CustomAttributeTypedArgument>)set.ConstructorArguments[0].Value!).Select(v => (string)v.Value!);
        Assert.Equal(new[] { "Down", "Degraded" }, values);
    }

    [Fact]
    public void DefaultsAreTheDocumentedOnes()
    {
        var command = new WatchWebsiteCommand();
        Assert.Equal(60, command.IntervalSec);
        Assert.Equal(30, command.TimeoutSec);   // what help shows and the watch uses, not Test-Link's 20
        Assert.Equal(1, command.Retry);
        Assert.Equal(2, command.FailureThreshold);
        Assert.Equal(1, command.SuccessThreshold);
        Assert.Equal(14, command.MinCertificateDays);
        Assert.Equal(TimeSpan.Zero, command.NotifyBatch);
        Assert.Equal(30, command.NotificationTimeoutSec);
    }
}
