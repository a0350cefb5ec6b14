// `theorycheck history RUN… --out SITE/ [--force]`: a static page of every claim's measured values and verdicts across the
// given runs, oldest first by the time each started (HistoryPage). Bad input is one line and exit 2: a missing or foreign
// file, a history with no claims, an output folder that holds files without --force.
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Cli.Gating;

public static class HistoryCommand
{
    public static int Run(string[] inputs, string outDir, bool force, TextWriter stderr)
    {
        if (inputs.Length == 0) throw new BadInputException("history needs at least one run");
        var runs = inputs.Select(i => StoredRun.Read(i, "run")).ToArray();
        if (runs.All(r => r.Doc.Claims.Count == 0)) throw new BadInputException("the history is empty: no run records a claim");
        // Manifests record when each run started (ISO 8601, so text order is time order); the given order breaks ties.
        var ordered = runs.Select((r, i) => (r, i)).OrderBy(p => p.r.Doc.Manifest.Started, StringComparer.Ordinal).ThenBy(p => p.i).Select(p => p.r).ToArray();
        OutputFolder.Prepare(outDir, force);
        string page = AtomicFile.WriteText(Path.Combine(outDir, "index.html"), HistoryPage.Html(ordered, outDir));
        stderr.WriteLine($"wrote {page} ({ordered.Length} runs, {ordered.SelectMany(r => r.Doc.Claims.Select(c => c.Id)).Distinct().Count()} claims)");
        return Commands.Ok;
    }
}
