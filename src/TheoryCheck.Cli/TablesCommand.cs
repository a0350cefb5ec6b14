// `tables FAMILY… [--maps]`: builds the families' result tables and writes each as markdown with its PNG plots into --out;
// with --maps also the families' reference maps (docs/maps.md), each as its snapshot table NAME.md and its plot NAME.png.
using TheoryCheck.Claims;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Maps;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Cli.Maps;
using TheoryCheck.Cli.Reporting;

namespace TheoryCheck.Cli;

public static class TablesCommand
{
    public static int Tables(string[] families, string? scaleText, string? seedText, string outDir, bool force, string? targetSpec,
                             string? pretrainSpec, string? archText, TextWriter stderr, bool maps = false)
    {
        var claims = Commands.SelectClaims(families);
        var sources = Catalog.TablesOf(claims);
        var scale = Commands.ParseScale(scaleText);
        int seed = Commands.ParseSeedAndOut(seedText, outDir, stderr);
        var target = TaskOptions.Parse("--target", targetSpec);
        var pretrain = TaskOptions.Parse("--pretrain", pretrainSpec);
        var arch = TaskOptions.ParseArch(archText);
        OutputFolder.Prepare(outDir, force);
        var runner = Runner.Start(scale, seed, stderr, target, pretrain, arch);
        var built = new List<ResultTable>();
        runner.Progress.Run(() => built.AddRange(sources.Select(runner.Table).OfType<ResultTable>()));
        foreach (var table in built)
        {
            string md = AtomicFile.WriteText(Path.Combine(outDir, table.Name + ".md"), table.ToMarkdown());
            foreach (var png in Plots.For(table, outDir)) stderr.WriteLine($"  wrote {png}");
            stderr.WriteLine($"[{table.Name}] wrote {md}");
        }
        if (maps) WriteReferenceMaps(claims, scale, seed, outDir, runner, stderr);
        return Commands.Ok;
    }

    /// <summary>The reference maps of the selected claims, run as the Maps tier runs them (their own --arch, seed as given).</summary>
    static void WriteReferenceMaps(IReadOnlyList<IClaim> claims, Scale scale, int seed, string outDir, Runner runner, TextWriter stderr)
    {
        foreach (var reference in ReferenceMap.All.Where(r => claims.Any(c => c.Spec.Id == r.Claim)))
        {
            stderr.WriteLine($"[{reference.Name}] mapping at {scale.Name()} scale ...");
            MapResult? map = null;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            runner.Progress.Run(() => map = reference.Run(runner.Context));
            string md = AtomicFile.WriteText(Path.Combine(outDir, reference.Name + ".md"), reference.Table(map!, scale).ToMarkdown());
            var manifest = Manifest.Capture(scale, seed) with { Selection = new[] { reference.Claim }, WallSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1) };
            string png = MapPlot.Write(MapJson.Of(manifest, map!), Path.Combine(outDir, reference.Name + ".png"));
            stderr.WriteLine($"[{reference.Name}] {map!.Summary()} wrote {md} and {png}");
        }
    }
}
