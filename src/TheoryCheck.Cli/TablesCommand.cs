// `tables FAMILY…`: builds the families' result tables and writes each as markdown with its PNG plots into --out.
using TheoryCheck.Claims;
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Cli;

public static class TablesCommand
{
    public static int Tables(string[] families, string? scaleText, string? seedText, string outDir, bool force, string? targetSpec,
                             string? pretrainSpec, string? archText, TextWriter stderr)
    {
        var sources = Catalog.TablesOf(Commands.SelectClaims(families));
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
        return Commands.Ok;
    }
}
