// Checks an --out folder before any work starts, so that bad input never leaves partial output and a finished run is never
// overwritten by accident: a non-empty folder needs --force (or --resume to continue the run it holds).
namespace TheoryCheck.Cli;

public static class OutputFolder
{
    /// <summary>Validates and creates <paramref name="dir"/>; call after every other input check.</summary>
    /// <exception cref="BadInputException">A file, a non-empty folder without --force/--resume, or not writable.</exception>
    public static void Prepare(string dir, bool force, bool resume = false)
    {
        if (File.Exists(dir)) throw new BadInputException($"--out '{dir}' is a file, not a folder");
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any() && !force && !resume)
            throw new BadInputException($"output folder '{dir}' exists and is not empty; pass --force to overwrite it (or --resume to continue the run in it)");
        bool created = !Directory.Exists(dir);
        try
        {
            Directory.CreateDirectory(dir);
            // Creating a folder can succeed where writing into it fails (read-only mounts, permissions): probe once.
            string probe = Path.Combine(dir, $".theorycheck-write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            if (created && Directory.Exists(dir)) try { Directory.Delete(dir); } catch (IOException) { }
            throw new BadInputException($"output folder '{dir}' is not writable ({e.Message})");
        }
    }
}
