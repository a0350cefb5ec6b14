// A run stored by `run`, `merge` or `rerun --out`, named by its folder or its results.json: what `diff` and `history` read.
using TheoryCheck.Cli.Reporting;

namespace TheoryCheck.Cli.Gating;

/// <param name="Path">The results.json read.</param>
public sealed record StoredRun(string Path, ResultsJson.Document Doc)
{
    /// <summary>The manifest's commit, shortened as git does, with "+dirty" when the run had uncommitted changes.</summary>
    public string Commit => (Doc.Manifest.Commit.Length > 7 ? Doc.Manifest.Commit[..7] : Doc.Manifest.Commit) + (Doc.Manifest.Dirty ? "+dirty" : "");

    /// <exception cref="BadInputException">Missing, unreadable, or not a TheoryCheck results.json (named by <paramref name="role"/>).</exception>
    public static StoredRun Read(string pathOrFolder, string role)
    {
        string path = Directory.Exists(pathOrFolder) ? System.IO.Path.Combine(pathOrFolder, "results.json") : pathOrFolder;
        if (!File.Exists(path))
            throw new BadInputException(Directory.Exists(pathOrFolder) ? $"{role} '{pathOrFolder}' holds no results.json"
                                                                       : $"{role} '{pathOrFolder}': no results.json (no such file or folder)");
        try { return new StoredRun(path, ResultsJson.Read(path)); }
        catch (InvalidDataException e) { throw new BadInputException($"{role} {e.Message}"); }
    }
}
