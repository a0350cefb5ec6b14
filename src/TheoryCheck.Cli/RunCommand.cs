// `run` (with --out, --report, --force, --resume, --shard) and `report`. Every input is validated before any work, so bad
// input writes nothing; after each claim the run so far is saved to DIR/results.partial.json, and each PT tuning run as it
// finishes to DIR/runs.partial (Checkpoints), which --resume continues.
using System.Diagnostics;
using TheoryCheck.Claims;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Cli.Reporting;
using TheoryCheck.Torch;

namespace TheoryCheck.Cli;

public static class RunCommand
{
    public const string PartialFile = "results.partial.json";

    /// <param name="Scale">--scale; null = THEORYCHECK_SCALE, else ci. <paramref name="Seed"/>: likewise THEORYCHECK_SEED, else 1.</param>
    public sealed record Options(string[] Selectors, string? Scale, string? Seed, string? Out, bool Report = false,
                                 bool Force = false, bool Resume = false, string? Shard = null, string? Target = null,
                                 string? Pretrain = null, string? Arch = null);

    public static int Run(Options o, TextWriter stdout, TextWriter stderr)
    {
        var selected = Commands.SelectClaims(o.Selectors);
        var scale = Commands.ParseScale(o.Scale);
        int seed = Commands.ParseSeedAndOut(o.Seed, o.Out, stderr);
        var shard = o.Shard is null ? null : Shard.Parse(o.Shard);
        var target = TaskOptions.Parse("--target", o.Target);
        var pretrain = TaskOptions.Parse("--pretrain", o.Pretrain);
        var arch = TaskOptions.ParseArch(o.Arch);
        if (o.Out is null && (o.Report || o.Resume || o.Force)) throw new BadInputException("--report, --resume and --force need --out DIR");
        var ids = selected.Select(c => c.Spec.Id).ToArray();
        var partial = o.Resume ? ReadPartial(o.Out!, scale, seed, ids, shard, TaskOptions.ArchName(arch)) : null;
        if (o.Out != null) OutputFolder.Prepare(o.Out, o.Force, o.Resume);

        var mine = shard?.Pick(selected) ?? selected;
        var allTables = Catalog.TablesOf(selected);
        var tables = o.Report ? shard?.Pick(allTables) ?? allTables : Array.Empty<ITableSource>();
        var runner = Runner.Start(scale, seed, stderr, target, pretrain, arch);
        var clock = Stopwatch.StartNew();
        double before = partial?.Manifest.WallSeconds ?? 0;
        var manifest = Manifest.Capture(scale, seed) with { Selection = ids, Shard = shard?.ToString(), Target = target?.Name, Pretrain = pretrain?.Name, Arch = TaskOptions.ArchName(arch),
                                                            ResumedFrom = ResumedFrom(partial) };
        if (partial is not null) Manifest.RequireSamePolicy(partial.Manifest, manifest, Path.Combine(o.Out!, PartialFile));
        if (shard != null)
            stderr.WriteLine($"shard {shard}: {mine.Count} of {selected.Count} claims ({string.Join(", ", mine.Select(c => c.Spec.Id))})" +
                             (o.Report ? $", {tables.Count} of {allTables.Count} tables" : ""));
        var done = partial?.Claims.ToDictionary(c => c.Id) ?? new Dictionary<string, ResultsJson.ClaimDto>();
        if (done.Count > 0) stderr.WriteLine($"resuming: {done.Count} claim(s) already in {PartialFile} ({string.Join(", ", done.Keys)})");
        string? checkpoints = o.Out is null ? null : Path.Combine(o.Out, Checkpoints.FolderName);
        if (o.Out != null && !o.Resume)
        {
            File.Delete(Path.Combine(o.Out, PartialFile)); // stale from a --force'd folder
            if (Directory.Exists(checkpoints)) Directory.Delete(checkpoints, recursive: true);
        }
        var saved = checkpoints is null ? null : runner.SaveWorkIn(checkpoints);
        // This leg's manifest goes on record before any work: a leg killed inside its first claim still leaves tuning runs
        // that the next leg reads back, and its ResumedFrom must name it.
        if (o.Out != null)
            ResultsJson.Write(o.Out, new(manifest with { WallSeconds = before }, partial?.Claims ?? []), PartialFile);

        var results = new List<ResultsJson.ClaimDto>();
        var tableNames = new List<string>();
        runner.Progress.Run(() =>
        {
            foreach (var claim in mine)
            {
                results.Add(done.TryGetValue(claim.Spec.Id, out var old) ? old : runner.Claim(claim));
                if (o.Out != null && old is null)
                    ResultsJson.Write(o.Out, new(manifest with { WallSeconds = before + clock.Elapsed.TotalSeconds }, results), PartialFile);
            }
            foreach (var source in tables)
            {
                string saved = Path.Combine(o.Out!, RunReport.TablesFolder, source.Name + ".md");
                if (o.Resume && File.Exists(saved)) { tableNames.Add(source.Name); continue; }
                if (runner.Table(source) is { } t) { RunReport.SaveTable(o.Out!, t); tableNames.Add(t.Name); }
            }
        });
        if (saved?.Loaded > 0) stderr.WriteLine($"resumed {saved.Loaded} tuning run(s) from {saved.Folder} instead of running them again");
        stdout.Write(ClaimTable.ToMarkdown(results));
        if (o.Out != null)
        {
            var doc = new ResultsJson.Document(manifest with { Models = ModelCache.Used, WallSeconds = Math.Round(before + clock.Elapsed.TotalSeconds, 3) },
                                               results, tableNames);
            stderr.WriteLine($"wrote {ResultsJson.Write(o.Out, doc)}");
            File.Delete(Path.Combine(o.Out, PartialFile));
            if (Directory.Exists(checkpoints)) Directory.Delete(checkpoints, recursive: true);
            if (o.Report) stderr.WriteLine($"wrote {RunReport.Write(o.Out, stderr, buildMissing: false)}");
            else stderr.WriteLine($"wrote {AtomicFile.WriteText(Path.Combine(o.Out, "results.csv"), TidyCsv.Build(doc, []))}");
        }
        return results.All(r => r.Verdict is "pass" or "finding") ? Commands.Ok : Commands.ClaimFailed;
    }

    /// <summary>The legs before this one of a resumed run, oldest first; null for a run that starts afresh.</summary>
    static IReadOnlyList<string>? ResumedFrom(ResultsJson.Document? partial) => partial is null ? null
        : [.. partial.Manifest.ResumedFrom ?? [], $"{partial.Manifest.Commit}{(partial.Manifest.Dirty ? " (dirty)" : "")} ({partial.Manifest.Started})"];

    /// <summary>The claims an interrupted run already finished; they must come from the same scale, seed, selection, shard and --arch.</summary>
    static ResultsJson.Document? ReadPartial(string dir, Scale scale, int seed, string[] ids, Shard? shard, string? arch)
    {
        string path = Path.Combine(dir, PartialFile);
        if (!File.Exists(path))
        {
            if (File.Exists(Path.Combine(dir, "results.json")))
                throw new BadInputException($"nothing to resume: the run in '{dir}' is complete (results.json exists); pass --force to redo it");
            return null;
        }
        ResultsJson.Document doc;
        try { doc = ResultsJson.Read(path); }
        catch (InvalidDataException e) { throw new BadInputException(e.Message); }
        var m = doc.Manifest;
        if (m.Scale != scale.Name() || m.Seed != seed || !(m.Selection ?? []).SequenceEqual(ids) || m.Shard != shard?.ToString() || m.Arch != arch)
            throw new BadInputException($"cannot resume: {path} is a run of {string.Join(",", m.Selection ?? [])} at {m.Scale} scale, seed {m.Seed}" +
                                        (m.Shard is null ? "" : $", shard {m.Shard}") + $", --arch {m.Arch ?? "both"}; give the same claims, --scale, --seed, --shard and --arch");
        return doc;
    }

    public static int Report(string dir, TextWriter stderr)
    {
        string path = Path.Combine(dir, "results.json");
        if (!File.Exists(path)) throw new BadInputException($"no results.json in '{dir}' (give the --out folder of a run)");
        try { Catalog.Select(ResultsJson.Read(path).Claims.Select(c => c.Id)); }
        catch (Exception e) when (e is InvalidDataException or ArgumentException) { throw new BadInputException($"{path}: {e.Message}"); }
        OutputFolder.Prepare(dir, force: true);
        stderr.WriteLine($"wrote {RunReport.Write(dir, stderr, buildMissing: true)}");
        return Commands.Ok;
    }
}
