// `merge DIR…`: combines the outputs of `run --shard i/n` into one results.json (and report). Refuses shards of different
// runs (scale, seed, selection, commit, shard count, numeric policy), duplicates and gaps, so a merged file always means one whole run.
using TheoryCheck.Claims;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Cli.Reporting;

namespace TheoryCheck.Cli;

public static class MergeCommand
{
    public static int Merge(string[] inputs, string outDir, bool report, bool force, TextWriter stdout, TextWriter stderr)
    {
        var shards = inputs.Select(i => Gating.StoredRun.Read(i, "shard")).Select(r => (r.Path, r.Doc)).ToArray();
        var first = shards[0].Doc.Manifest;
        foreach (var (path, doc) in shards)
        {
            var m = doc.Manifest;
            if (m.Shard is null) throw new BadInputException($"{path} is not a shard (its run had no --shard i/n)");
            string? clash = m.Scale != first.Scale || m.Seed != first.Seed ? $"scale/seed {m.Scale}/{m.Seed} vs {first.Scale}/{first.Seed}"
                : !(m.Selection ?? []).SequenceEqual(first.Selection ?? []) ? "a different claim selection"
                : m.Target != first.Target || m.Pretrain != first.Pretrain || m.Arch != first.Arch ? "different --target, --pretrain or --arch"
                : m.Commit != first.Commit ? $"commit {m.Commit[..Math.Min(12, m.Commit.Length)]} vs {first.Commit[..Math.Min(12, first.Commit.Length)]}"
                : Count(m.Shard) != Count(first.Shard!) ? $"shard {m.Shard} vs {first.Shard}"
                // Shards may run on different CPU models (the policy pins the kernels), but not under different policies.
                : first.PolicyDifference(m) is { } policy ? $"another numeric policy ({policy})"
                : null;
            if (clash != null) throw new BadInputException($"{path} is from another run than {shards[0].Path}: {clash}");
        }
        int n = Count(first.Shard!);
        var given = shards.Select(s => s.Doc.Manifest.Shard!).ToArray();
        if (given.Distinct().Count() != given.Length) throw new BadInputException($"a shard is given twice ({string.Join(", ", given)})");
        var missing = Enumerable.Range(1, n).Select(i => $"{i}/{n}").Except(given).ToArray();
        if (missing.Length > 0) throw new BadInputException($"missing shard(s) {string.Join(", ", missing)} (given {string.Join(", ", given)})");
        ThrowIfForeign(shards);
        OutputFolder.Prepare(outDir, force);

        // Catalogue order of the original selection, as the unsharded run would have written it.
        var order = (first.Selection ?? []).Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var claims = shards.SelectMany(s => s.Doc.Claims).OrderBy(c => order.GetValueOrDefault(c.Id, int.MaxValue)).ToArray();
        var tables = new List<string>();
        foreach (var (path, doc) in shards)
            foreach (var name in doc.Tables ?? [])
            {
                string src = Path.Combine(Path.GetDirectoryName(path)!, RunReport.TablesFolder, name + ".md");
                if (!File.Exists(src)) { stderr.WriteLine($"warning: {src} is listed in {path} but missing; not merged"); continue; }
                AtomicFile.WriteText(Path.Combine(outDir, RunReport.TablesFolder, name + ".md"), File.ReadAllText(src));
                tables.Add(name);
            }
        var manifest = first with
        {
            Shard = null, MergedFrom = given.OrderBy(s => Shard.Parse(s).Index).ToArray(),
            Models = shards.SelectMany(s => s.Doc.Manifest.Models ?? []).DistinctBy(m => m.Key).ToArray(),
            WallSeconds = shards.Sum(s => s.Doc.Manifest.WallSeconds),
        };
        var merged = new ResultsJson.Document(manifest, claims, tables.Order(StringComparer.Ordinal).ToArray());
        stdout.Write(ClaimTable.ToMarkdown(claims));
        stderr.WriteLine($"merged {shards.Length} shards, {claims.Length} claims: wrote {ResultsJson.Write(outDir, merged)}");
        if (report) stderr.WriteLine($"wrote {RunReport.Write(outDir, stderr, buildMissing: false)}");
        else stderr.WriteLine($"wrote {AtomicFile.WriteText(Path.Combine(outDir, "results.csv"), TidyCsv.Build(merged, []))}");
        return claims.All(c => c.Verdict is "pass" or "finding") ? Commands.Ok : Commands.ClaimFailed;
    }

    static void ThrowIfForeign((string Path, ResultsJson.Document Doc)[] shards)
    {
        foreach (var (path, doc) in shards)
        {
            try { if (doc.Claims.Count > 0) Catalog.Select(doc.Claims.Select(c => c.Id)); }
            catch (ArgumentException e) { throw new BadInputException($"{path}: {e.Message}"); }
        }
        var dup = shards.SelectMany(s => s.Doc.Claims).GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        if (dup != null) throw new BadInputException($"claim {dup.Key} appears in more than one shard");
    }

    static int Count(string shard) => Shard.Parse(shard).Count;
}
