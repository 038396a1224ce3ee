using System.Collections.Concurrent;
using System.Text;
using System.Xml.Linq;
using LinkTools.Core.Reporting;
using LinkTools.Core.Storage;
using LinkTools.Model.Reporting;
using LinkTools.Tests.Packaging;
using LinkTools.Tests.Reporting;

namespace LinkTools.Tests.Storage;

public sealed class AtomicFileTests
{
    [Fact]
    public void AReportWriterThatThrowsMidwayLeavesTheOldReportWholeAndNoTemporaryFile()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "links.xml");
        ReportWriters.WriteFile(ReportSamples.Mixed(), ReportFormat.JUnit, path);
        var before = File.ReadAllText(path);

        var failing = new HalfThenThrowWriter(() => Assert.Equal(before, File.ReadAllText(path)));
        Assert.Throws<IOException>(() => ReportWriters.WriteFile(ReportSamples.Mixed(), failing, path));

        Assert.True(failing.WroteHalf);
        Assert.Equal(before, File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void TheFirstWriteCreatesTheFileAndItsFolder()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "state", "watch.json");

        AtomicFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes("first")));
        AtomicFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes("second")));

        Assert.Equal("second", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void AFileNameNearTheLengthLimitIsWrittenThoughItsTemporaryFileSitsBesideIt()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, new string('r', 236) + ".csv"); // 240 characters; the limit is 255

        AtomicFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes("first")));
        AtomicFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes("second")));

        Assert.Equal("second", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(temp.Path));
    }

    [Theory]
    [InlineData("reports", true)]
    [InlineData("reports/", true)]
    [InlineData("missing/", false)]
    public void APathThatIsAFolderIsRefusedNamingItAndNothingIsWritten(string name, bool exists)
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, "reports"));
        var path = Path.Combine(temp.Path, name);

        var error = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes("x"))));

        Assert.Equal(path + " is a folder; give a file name.", error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories));
        Assert.Equal(exists, Directory.Exists(Path.Combine(temp.Path, name.TrimEnd('/'))));
    }

    [Fact]
    public void RewritingAReportNeverRemovesItsPath()
    {
        // NTFS reports the file a rename replaces as removed even though the rename is atomic, so the watcher can
        // tell the difference only on Linux and macOS, where a replacing rename is one event.
        if (OperatingSystem.IsWindows()) return;
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "links.xml");
        ReportWriters.WriteFile(ReportSamples.Mixed(), ReportFormat.JUnit, path);

        var events = new ConcurrentQueue<string>();
        using var watcher = new FileSystemWatcher(temp.Path) { NotifyFilter = NotifyFilters.FileName };
        watcher.Deleted += (_, e) => events.Enqueue("Deleted " + e.Name);
        watcher.Renamed += (_, e) => events.Enqueue("Renamed " + e.Name);
        watcher.EnableRaisingEvents = true;

        ReportWriters.WriteFile(ReportSamples.Mixed(), ReportFormat.JUnit, path);

        Assert.True(SpinWait.SpinUntil(() => events.Contains("Renamed links.xml"), TimeSpan.FromSeconds(10)), "No rename seen: " + string.Join(", ", events));
        Assert.DoesNotContain("Deleted links.xml", events);
        Assert.Equal("testsuites", XDocument.Load(path).Root!.Name.LocalName);
    }

    /// <summary>Writes half a report, runs a check while it is unfinished, then fails as a full disk would.</summary>
    private sealed class HalfThenThrowWriter(Action whileUnfinished) : IReportWriter
    {
        public bool WroteHalf { get; private set; }

        public void Write(Report report, TextWriter output)
        {
            output.Write("<?xml version=\"1.0\"?><testsuites><testsuite name=\"half");
            output.Flush();
            WroteHalf = true;
            whileUnfinished();
            throw new IOException("There is not enough space on the disk.");
        }
    }
}
