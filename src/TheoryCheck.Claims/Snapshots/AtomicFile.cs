// Every file a run writes goes through here: write a temp file beside the target, then rename over it, so an interrupted
// run never leaves a half-written results.json, csv, report, plot or snapshot behind. It lives beside SnapshotStore, its
// lowest user; the CLI's reports use the same one.
using System.Text;

namespace TheoryCheck.Claims.Snapshots;

public static class AtomicFile
{
    static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Test seam: while set (per async flow, so parallel tests are unaffected), a write whose target matches fails
    /// after its temp file was written, with the IOException a full disk gives.</summary>
    static readonly AsyncLocal<Func<string, bool>?> fullDisk = new();

    /// <summary>Simulates a full disk for targets matching <paramref name="when"/> until disposed.</summary>
    public static IDisposable SimulateFullDisk(Func<string, bool> when)
    {
        fullDisk.Value = when;
        return new Reset();
    }

    sealed class Reset : IDisposable { public void Dispose() => fullDisk.Value = null; }

    public static string WriteText(string path, string text) => Write(path, tmp => File.WriteAllText(tmp, text, Utf8));

    /// <summary>Runs <paramref name="writeTemp"/> on a temp path in the target's folder, then renames it over <paramref name="path"/>.</summary>
    public static string Write(string path, Action<string> writeTemp)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        // Same folder so the rename stays on one file system (atomic); keep the extension for writers that check it (PNG).
        string tmp = Path.Combine(dir, $".{Path.GetFileNameWithoutExtension(path)}.{Environment.ProcessId}.tmp{Path.GetExtension(path)}");
        try
        {
            writeTemp(tmp);
            if (fullDisk.Value?.Invoke(path) == true) throw new IOException($"No space left on device (simulated) : '{tmp}'");
            File.Move(tmp, path, overwrite: true);
        }
        finally { if (File.Exists(tmp)) File.Delete(tmp); }
        return path;
    }
}
