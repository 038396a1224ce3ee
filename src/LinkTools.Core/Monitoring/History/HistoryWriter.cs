using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using LinkTools.Core.Text;
using LinkTools.Model.Monitoring;

namespace LinkTools.Core.Monitoring.History
{
    /// <summary>Appends one flat CSV row per check to the -HistoryPath file (header written when the file is new). Pipeline thread only.</summary>
    public sealed class HistoryWriter : IDisposable
    {
        private readonly StreamWriter _writer;

        public HistoryWriter(string path)
        {
            Path = System.IO.Path.GetFullPath(path);
            string? directory = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            // The rows hold the sites' own text: written only to a regular file, never through a link placed at the path
            // to make the watch append to a file of someone else's choosing.
            var existing = new FileInfo(Path);
            if (existing.Exists && (existing.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                throw new IOException($"The history file '{Path}' is a link; history is written only to a regular file.");
            }

            bool exists = existing.Exists;
            bool isNew = !exists || existing.Length == 0;
            var stream = new FileStream(Path, exists ? FileMode.Append : FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            if (!exists) Storage.FileModes.Set(Path, Storage.FileModes.OwnerOnly); // before the first row; an existing file keeps its mode
            _writer = new StreamWriter(stream, new UTF8Encoding(false));
            if (isNew) _writer.WriteLine(string.Join(",", HistoryColumns.All));
        }

        public string Path { get; }

        public void Append(SiteCheckResult check)
        {
            var c = CultureInfo.InvariantCulture;
            string[] cells =
            {
                check.CheckedAt.ToString("o", c), check.Url, check.Name, check.State.ToString(), check.ConfirmedState.ToString(),
                check.InMaintenance ? "True" : "False", check.StatusCode?.ToString(c) ?? "", check.FailureKind.ToString(),
                check.ResponseTimeMs.ToString(c), check.Attempts.ToString(c), check.ScheduleLagMs.ToString(c),
                check.CertificateDaysLeft?.ToString(c) ?? "", check.Error,
            };
            // Numbers stay numbers: CertificateDaysLeft is -5 once a certificate has expired, and Get-WebsiteUptime and
            // spreadsheets read the history back as data.
            _writer.WriteLine(string.Join(",", cells.Select(cell => CsvText.Cell(cell, SignedNumbers.Keep))));
        }

        /// <summary>Pushes buffered rows to the file (called once per pump, so a crash loses at most a moment).</summary>
        public void Flush() => _writer.Flush();

        public void Dispose() => _writer.Dispose();
    }
}
