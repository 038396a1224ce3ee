namespace LinkTools.Tests.Triage;

/// <summary>Writes baseline and suppression files to a temp directory deleted with it.</summary>
public sealed class TriageFiles : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("linktools-triage-");

    public string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    public string PathOf(string name) => Path.Combine(_dir.FullName, name);

    public void Dispose() => _dir.Delete(true);
}
