// `rerun DIR/results.json`: re-runs exactly the claims, scale and seed the manifest records and prints, claim by claim,
// old vs new values and whether they agree within the stated tolerances (Agreement); result tables saved with the run are
// rebuilt and compared with their snapshot tolerances. Exit 0 when everything agrees.
using System.Globalization;
using TheoryCheck.Claims;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Cli.Reporting;
using TheoryCheck.Torch;

namespace TheoryCheck.Cli;

public static class RerunCommand
{
    /// <param name="only">Comma-separated ids: re-run just these of the recorded claims (a paper-scale run takes hours; one of
    /// its claims minutes). Saved tables are then not rebuilt: they belong to the whole run.</param>
    public static int Rerun(string file, string? outDir, bool force, TextWriter stdout, TextWriter stderr, string? only = null)
    {
        string path = Directory.Exists(file) ? Path.Combine(file, "results.json") : file;
        ResultsJson.Document old;
        IReadOnlyList<IClaim> claims;
        Scale scale;
        try
        {
            old = ResultsJson.Read(path);
            if (old.Claims.Count == 0) throw new InvalidDataException("it records no claims");
            if (only is not null) old = old with { Claims = Only(old, only, path) };
            claims = Catalog.Select(old.Claims.Select(c => c.Id));
            scale = Scales.Parse(old.Manifest.Scale);
        }
        catch (InvalidDataException e) { throw new BadInputException(e.Message.StartsWith(path) ? e.Message : $"{path}: {e.Message}"); }
        catch (ArgumentException e) { throw new BadInputException($"{path}: {e.Message}"); }
        if (outDir != null) OutputFolder.Prepare(outDir, force);

        var m = old.Manifest;
        var runner = Runner.Start(m, stderr);
        var now = Manifest.Capture(scale, m.Seed);
        foreach (var ((what, was), (_, isNow)) in m.NumericEnvironment().Zip(now.NumericEnvironment()))
            if (was != isNow) stderr.WriteLine($"note: {what} differs from the recorded run ({was ?? "not recorded"} → {isNow}); values may move within tolerance");
        stderr.WriteLine($"re-running {claims.Count} claim(s) of {path} at {scale.Name()} scale, seed {m.Seed}");

        // Snapshot tables saved beside the results.json are rebuilt and compared cell by cell with their snapshot tolerances;
        // report-only tables have no tolerances to compare with.
        string tablesDir = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, RunReport.TablesFolder);
        var saved = only is not null ? Array.Empty<ITableSource>()
            : Catalog.Tables.Where(t => t.IsSnapshot && File.Exists(Path.Combine(tablesDir, t.Name + ".md"))).ToArray();
        var fresh = Array.Empty<ResultsJson.ClaimDto>();
        var tableChecks = new List<(string Name, IReadOnlyList<string> Problems)>();
        runner.Progress.Run(() =>
        {
            fresh = claims.Select(runner.Claim).ToArray();
            foreach (var source in saved)
                if (runner.Table(source) is { } t)
                    tableChecks.Add((t.Name, SnapshotStore.Compare(File.ReadAllText(Path.Combine(tablesDir, t.Name + ".md")).Replace("\r\n", "\n"),
                                                                   t.ToMarkdown(), t.Tolerances)));
        });
        var agreements = old.Claims.Zip(fresh, Agreement.Compare).ToArray();
        stdout.Write(Table(agreements));
        int bad = agreements.Count(a => !a.Agrees);
        stdout.WriteLine(bad == 0
            ? $"all {agreements.Length} claims agree ({agreements.Sum(a => a.Values.Count)} values; exact within 1e-9 + 1e-6·|old|, statistical within {Agreement.SeMultiple}·SE + 1e-9)"
            : $"{bad} of {agreements.Length} claims disagree: {string.Join(", ", agreements.Where(a => !a.Agrees).Select(a => a.Id))}");
        foreach (var (name, problems) in tableChecks)
            stdout.WriteLine(problems.Count == 0 ? $"table {name}: agrees within its snapshot tolerances"
                : $"table {name}: {problems.Count} difference(s) beyond its snapshot tolerances:\n  " + string.Join("\n  ", problems.Take(10)));
        bad += tableChecks.Count(t => t.Problems.Count > 0);
        if (outDir != null)
            stderr.WriteLine($"wrote {ResultsJson.Write(outDir, new(now with { Selection = m.Selection, Shard = m.Shard, Target = m.Target, Pretrain = m.Pretrain, Arch = m.Arch, Models = ModelCache.Used }, fresh))}");
        return bad == 0 ? Commands.Ok : Commands.ClaimFailed;
    }

    /// <summary>The recorded claims named by <paramref name="only"/>, in the run's order; an id the run does not record is bad input.</summary>
    static IReadOnlyList<ResultsJson.ClaimDto> Only(ResultsJson.Document old, string only, string path)
    {
        var ids = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length == 0) throw new BadInputException("--only needs at least one claim id");
        var missing = ids.Where(id => old.Claims.All(c => !c.Id.Equals(id, StringComparison.OrdinalIgnoreCase))).ToArray();
        if (missing.Length > 0)
            throw new BadInputException($"--only {string.Join(",", missing)}: not recorded in {path} (it has {string.Join(", ", old.Claims.Select(c => c.Id))})");
        return old.Claims.Where(c => ids.Contains(c.Id, StringComparer.OrdinalIgnoreCase)).ToArray();
    }

    public static string Table(IEnumerable<ClaimAgreement> agreements)
    {
        var sb = new System.Text.StringBuilder("| id | verdict old → new | role | metric | old | new | abs diff | allowed | agrees |\n|:--|:--|:--|:--|--:|--:|--:|--:|:--|\n");
        foreach (var a in agreements)
        {
            string verdict = a.OldVerdict == a.NewVerdict ? a.OldVerdict : $"{a.OldVerdict} → {a.NewVerdict}";
            if (a.Problem != null) sb.Append($"| {a.Id} | {verdict} | - | {a.Problem} | | | | | no |\n");
            foreach (var v in a.Values)
                sb.Append(string.Create(CultureInfo.InvariantCulture,
                    $"| {a.Id} | {verdict} | {v.Role} | {v.Metric} | {v.Old:G6} | {v.New:G6} | {v.Diff:G3} | {v.Allowed:G3} | {(v.Agrees ? "yes" : "no")} |\n"));
        }
        return sb.ToString();
    }
}
