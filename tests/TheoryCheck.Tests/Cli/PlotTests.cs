// Plots of result tables: a known-prompt table becomes one PNG per Γ; bad `tables` input exits 2.
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Cli;

namespace TheoryCheck.Tests.Cli;

[Trait("Tier", "Fast")]
public sealed class PlotTests
{
    [Fact]
    public void KnownPromptTableGivesOnePngPerGamma()
    {
        var cols = new[] { "Gamma", "n/d", "n", "meandiff_theory", "meandiff_sim", "ridge_theory", "ridge_sim", "ridgeless_theory", "ridgeless_sim" };
        var table = new ResultTable("Attention.KnownPrompt", "t", cols);
        foreach (var g in new[] { "0", "1" })
            foreach (var r in new[] { 0.5, 1.0, 3.0 })
                table.Add(g, r, (int)(40 * r), 0.3, (0.31, 0.01), 0.32, (0.33, 0.02), 0.4, (0.41, 0.03));
        string dir = Path.Combine(Path.GetTempPath(), "tc-plot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var paths = Plots.For(table, dir);
            Assert.Equal(2, paths.Count);
            foreach (var p in paths)
                Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(p).Take(4).ToArray());
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData("tables", "NOPE", "--out", "/tmp/x")]
    [InlineData("tables", "PA", "--scale", "huge", "--out", "/tmp/x")]
    [InlineData("tables", "PA")]
    public void BadTablesInputExits2(params string[] args)
    {
        var e = new StringWriter();
        Assert.Equal(2, Commands.Invoke(args, new StringWriter(), e));
        Assert.Single(e.ToString().Trim().Split('\n'));
    }
}
