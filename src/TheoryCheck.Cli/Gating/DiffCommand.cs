// `theorycheck diff BASE HEAD [--out FILE.md] [--allow-different-settings]`: compares two stored runs (e.g. a pull
// request's and main's), prints the markdown of DiffMarkdown and exits 1 on a regression (RunDiff). Runs of different
// scale, seed, target, pretraining prior or network measure different things and are refused unless allowed.
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Cli.Gating;

public static class DiffCommand
{
    public static int Run(string basePath, string headPath, string? outFile, bool allowDifferentSettings, TextWriter stdout, TextWriter stderr)
    {
        var b = StoredRun.Read(basePath, "BASE");
        var h = StoredRun.Read(headPath, "HEAD");
        var different = RunDiff.Settings(b.Doc.Manifest, h.Doc.Manifest).ToArray();
        if (different.Length > 0 && !allowDifferentSettings)
            throw new BadInputException("the runs differ in " + string.Join(", ", different.Select(f => $"{f.Field} ({f.Base ?? "default"} vs {f.Head ?? "default"})")) +
                                        "; their values are not comparable (pass --allow-different-settings to compare anyway)");
        if (outFile is not null && Directory.Exists(outFile)) throw new BadInputException($"--out '{outFile}' is a folder; give a file name, e.g. diff.md");

        var result = RunDiff.Compare(b, h);
        string markdown = DiffMarkdown.Render(result);
        if (outFile is not null)
        {
            AtomicFile.WriteText(outFile, markdown);
            stderr.WriteLine($"wrote {outFile}");
        }
        stdout.Write(markdown);
        return result.Regressed ? Commands.ClaimFailed : Commands.Ok;
    }
}
