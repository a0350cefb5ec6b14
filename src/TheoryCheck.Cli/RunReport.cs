// DIR/report.md for people: the run manifest, a summary, then per claim family its verdicts (measured vs bound), its
// negative controls, its result tables and PNG plots; plus DIR/results.csv in tidy form. Reads only what the run saved
// (results.json, tables/*.md); `report` on a run made without --report builds the missing tables first.
using System.Globalization;
using System.Text;
using TheoryCheck.Claims;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Cli.Reporting;

namespace TheoryCheck.Cli;

public static class RunReport
{
    public const string TablesFolder = "tables", PlotsFolder = "plots";

    /// <summary>Writes results.csv, plots/ and report.md into <paramref name="dir"/>; returns the report's path.</summary>
    /// <param name="buildMissing">Build the tables of families that have none saved (costs training time).</param>
    public static string Write(string dir, TextWriter log, bool buildMissing)
    {
        var doc = ResultsJson.Read(Path.Combine(dir, "results.json"));
        string tablesDir = Path.Combine(dir, TablesFolder);
        var tables = Directory.Exists(tablesDir)
            ? Directory.GetFiles(tablesDir, "*.md").Order(StringComparer.Ordinal)
                       .Select(f => ResultTable.Parse(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f))).ToList()
            : new List<ResultTable>();
        if (buildMissing)
        {
            var claims = Catalog.Select(doc.Claims.Select(c => c.Id));
            var missing = Catalog.TablesOf(claims).Where(s => tables.All(t => t.Name != s.Name)).ToArray();
            if (missing.Length > 0)
            {
                var runner = Runner.Start(doc.Manifest, log);
                runner.Progress.Run(() =>
                {
                    foreach (var s in missing)
                        if (runner.Table(s) is { } t) { SaveTable(dir, t); tables.Add(t); }
                });
            }
        }
        string plotsDir = Path.Combine(dir, PlotsFolder);
        var plots = tables.ToDictionary(t => t.Name, t => Plots.For(t, plotsDir));
        AtomicFile.WriteText(Path.Combine(dir, "results.csv"),
            TidyCsv.Build(doc, tables.Select(t => (Catalog.Table(t.Name)?.Family ?? "", t))));
        return AtomicFile.WriteText(Path.Combine(dir, "report.md"), Markdown(doc, tables, plots, dir));
    }

    public static string SaveTable(string dir, ResultTable t) =>
        AtomicFile.WriteText(Path.Combine(dir, TablesFolder, t.Name + ".md"), t.ToMarkdown());

    static string Markdown(ResultsJson.Document doc, IReadOnlyList<ResultTable> tables,
                           IReadOnlyDictionary<string, IReadOnlyList<string>> plots, string dir)
    {
        var m = doc.Manifest;
        var sb = new StringBuilder("# TheoryCheck report\n\n");
        var counts = doc.Claims.GroupBy(c => c.Verdict).Select(g => $"{g.Count()} {g.Key}");
        sb.Append(Inv($"{doc.Claims.Count} claims at {m.Scale} scale, seed {m.Seed}: {string.Join(", ", counts)}. "))
          .Append("Every number below is in `results.json` (with the manifest) and, one observation per row, in `results.csv`.\n\n");

        sb.Append("## Run manifest\n\n| field | value |\n|:--|:--|\n");
        void Field(string k, object? v) { if (v is not null and not "") sb.Append($"| {k} | {Inv($"{v}").Replace("|", "\\|")} |\n"); }
        Field("tool", $"{m.Tool} {m.Version}");
        Field("git commit", m.Commit + (m.Dirty ? " (working tree dirty)" : ""));
        Field("command", m.Command);
        Field("started (UTC)", m.Started);
        Field("scale / seed", $"{m.Scale} / {m.Seed}");
        Field("shard", m.Shard);
        Field("PT target / pretraining / network", m.Target is null && m.Pretrain is null && m.Arch is null ? null
            : $"{m.Target ?? "built-in"} / {m.Pretrain ?? "beta:1,1"} / {m.Arch ?? "both"}");
        Field("merged from shards", m.MergedFrom is null ? null : string.Join(", ", m.MergedFrom));
        Field("resumed from", m.ResumedFrom is null ? null : string.Join(", ", m.ResumedFrom));
        Field("device / torch threads", $"{m.Device} / {m.Threads}");
        Field("TorchSharp / libtorch", $"{m.Torchsharp} / {m.Libtorch}");
        Field(".NET", m.Dotnet);
        Field("OS", m.Os);
        Field("CPU", m.Cpu + (m.VectorExtensions is { } v ? $" ({v})" : ""));
        Field("MKL_CBWR", m.MklCbwr ?? "not recorded");
        Field("ATEN_CPU_CAPABILITY", m.AtenCpuCapability ?? "not recorded");
        Field("ONEDNN_MAX_CPU_ISA", m.OnednnMaxCpuIsa ?? "not recorded");
        Field("heap (speed only)", m.Heap);
        Field("wall time", Inv($"{m.WallSeconds:0.0} s"));
        foreach (var model in m.Models ?? Array.Empty<TheoryCheck.Torch.ModelRecord>())
            Field($"model {model.Hash}", $"`{model.Key}`{(model.FromCache ? " (loaded from cache)" : " (trained)")}");

        sb.Append("\n## Summary\n\n").Append(ClaimTable.ToMarkdown(doc.Claims));

        foreach (var family in doc.Claims.GroupBy(c => c.Family))
        {
            sb.Append($"\n## {family.Key} ({family.First().Paper})\n\n### Verdicts: measured vs bound\n\n")
              .Append("| id | verdict | reported case | bound | measured | 95 % limit | holds | cases | seconds | case seed | preset |\n")
              .Append("|:--|:--|:--|:--|--:|--:|:--|--:|--:|--:|:--|\n");
            foreach (var c in family)
                foreach (var b in c.Bounds.DefaultIfEmpty())
                    sb.Append(Inv($"| {c.Id} | {c.Verdict} | {Cell(c.Case)} | {(b is null ? c.Reason : ClaimTable.BoundText(b))} | {(b is null ? "" : ClaimTable.Measured(b))} | {(b is null || ClaimTable.NotApplicable(b) ? "" : Inv($"{b.Limit:G4}"))} | {(b is null ? "" : ClaimTable.HoldsText(b))} | {c.CaseCount} | {c.Seconds:0.0} | {c.CaseSeed} | {Cell(c.Preset ?? "")} |\n"));
            foreach (var c in family.Where(c => c.Evidence is not null))
                sb.Append($"\n{c.Id} is a declared finding: {c.Evidence}\n");
            foreach (var c in family.Where(c => c.Shrunk is not null))
                sb.Append($"\n{c.Id} minimal counterexample: {c.Shrunk!.Minimal} (shrunk from {c.Shrunk.From} in {c.Shrunk.Steps} step(s)).\n");

            // Per bound of the reported case: a near miss must violate each bound it is run against; "control holds" marks a
            // bound that does not tell the claim from its control, "uncontrolled" one that no control measures.
            sb.Append("\n### Negative controls, per bound (each must fail the bound it is run against)\n\n| id | control | bound | control measured | limit on the violating side | status |\n|:--|:--|:--|--:|--:|:--|\n");
            foreach (var c in family)
            {
                if (c.Bounds.Count == 0) { sb.Append(Inv($"| {c.Id} | {Cell(c.Control.Description)} | | | | {c.Control.Status} |\n")); continue; }
                foreach (var b in c.Bounds)
                    sb.Append(ClaimTable.NotApplicable(b) ? Inv($"| {c.Id} | {Cell(c.Control.Description)} | {b.Metric} | | | bound not applicable in this run |\n")
                        : b.Control is { } k
                        ? Inv($"| {c.Id} | {Cell(c.Control.Description)} | {b.Metric} | {ClaimTable.Measured(k.Measured, k.Se)} | {k.Limit:G4} | {k.Status ?? (k.Fails ? "fails" : "does not fail")} |\n")
                        : Inv($"| {c.Id} | {Cell(c.Control.Description)} | {b.Metric} | | | uncontrolled: {Cell(b.Uncontrolled ?? "")} |\n"));
            }
            var uncontrolled = family.SelectMany(c => c.Bounds.Where(b => b.Control is null && !ClaimTable.NotApplicable(b)).Select(b => $"{c.Id} {b.Metric}")).ToArray();
            sb.Append(Inv($"\nUncontrolled bounds in the reported cases: {(uncontrolled.Length == 0 ? "none" : $"{uncontrolled.Length} ({string.Join(", ", uncontrolled)})")}.\n"));
            var chosen = family.Where(c => c.Control.Choice is not null).ToArray();
            if (chosen.Length > 0)
            {
                sb.Append("\nControls that are not the nearest catalogued near miss, and why (the near misses are in `power`'s matrix):\n\n");
                foreach (var c in chosen) sb.Append($"- {c.Id}: {c.Control.Choice}\n");
            }

            foreach (var t in tables.Where(t => Catalog.Table(t.Name)?.Family == family.Key))
            {
                sb.Append($"\n### {t.Title}\n\n");
                foreach (var n in t.Notes) sb.Append("- ").Append(n).Append('\n');
                // The saved file's own table lines keep its column alignment (parsing drops it with the tolerances).
                var lines = File.ReadAllLines(Path.Combine(dir, TablesFolder, t.Name + ".md")).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|'));
                sb.Append('\n').Append(string.Join("\n", lines)).Append('\n');
                foreach (var png in plots.GetValueOrDefault(t.Name) ?? Array.Empty<string>())
                    sb.Append($"\n![{Path.GetFileNameWithoutExtension(png)}]({Path.GetRelativePath(dir, png).Replace('\\', '/')})\n");
            }
        }
        return sb.Append(PowerSection(dir)).Append(MapsSection(dir)).ToString();
    }

    /// <summary>Every `map … --out` saved in the run folder or one of its subfolders: the boundary sentence, the map's PNG and
    /// a link to its map.md.</summary>
    static string MapsSection(string dir)
    {
        var files = new[] { Path.Combine(dir, "map.json") }
            .Concat(Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal).Select(d => Path.Combine(d, "map.json")))
            .Where(File.Exists).ToArray();
        if (files.Length == 0) return "";
        var sb = new System.Text.StringBuilder("\n## Maps: where claims stop holding\n");
        foreach (var file in files)
        {
            Maps.MapJson.Document map;
            try { map = Maps.MapJson.Read(file); }
            catch (InvalidDataException e) { throw new BadInputException(e.Message); }
            string folder = Path.GetRelativePath(dir, Path.GetDirectoryName(file)!).Replace('\\', '/');
            string prefix = folder == "." ? "" : folder + "/";
            sb.Append($"\n### {map.Claim} along {string.Join(" × ", map.Axes.Select(a => a.Name))}\n\n{map.Summary} The points: [{prefix}map.md]({prefix}map.md).\n");
            if (File.Exists(Path.Combine(Path.GetDirectoryName(file)!, "map.png"))) sb.Append($"\n![{map.Claim} map]({prefix}map.png)\n");
        }
        return sb.ToString();
    }

    /// <summary>A `power` matrix saved in the same folder (`power … --out DIR --force`): its score, heat map and a link.</summary>
    static string PowerSection(string dir)
    {
        string path = Path.Combine(dir, "power.json");
        if (!File.Exists(path)) return "";
        Power.PowerJson.Document power;
        try { power = Power.PowerJson.Read(path); }
        catch (InvalidDataException e) { throw new BadInputException(e.Message); }
        return "\n## Power\n\n" + Power.PowerMarkdown.Score(power) + ". The matrix: [power.md](power.md).\n" +
               (File.Exists(Path.Combine(dir, "power.png")) ? "\n![power](power.png)\n" : "");
    }

    static string Cell(string s) => s.Replace("|", "\\|").Replace("\n", " ");

    static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
