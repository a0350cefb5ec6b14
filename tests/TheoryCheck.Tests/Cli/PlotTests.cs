// Plots of result tables: a known-prompt table becomes one PNG per Γ; every series is drawn, in its own colour, inside the
// rendered axes; bad `tables` input exits 2.
using SkiaSharp;
using TheoryCheck.Claims.MetaLearning;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Cli;
using TheoryCheck.Tests.Torch;

namespace TheoryCheck.Tests.Cli;

[Trait("Tier", "Fast")]
[Collection(TorchCollection.Name)]   // Plots.Saved is process-wide: no other plotting test may run beside these
public sealed class PlotTests
{
    /// <summary>Model vs exact-Bayes regret: two rows give four series (model, dashed Bayes), each drawn in its colour, with the
    /// axes spanning every point.</summary>
    [Fact]
    public void EverySeriesIsDrawnInsideTheRenderedAxes()
    {
        var t = new ResultTable(BayesOptimalityTable.Instance.Name, "t", new[] { "model", "prior", "regret@50", "bayes@50", "regret@200", "bayes@200" });
        t.Add("lstm", "beta:1,1", (1.53, 0.02), 1.57, (2.42, 0.02), 2.24);
        t.Add("transformer", "beta:1,1", (1.53, 0.02), 1.57, (3.85, 0.05), 2.24);
        string dir = Path.Combine(Path.GetTempPath(), "tc-plot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var saved = new List<ScottPlot.Plot>();
        Plots.Saved = (_, plot) => saved.Add(plot);
        try
        {
            string png = Assert.Single(Plots.For(t, dir));
            var plot = Assert.Single(saved);
            var series = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToArray();
            Assert.Equal(4, series.Length);
            var lim = plot.Axes.GetLimits();
            foreach (var (x, y) in new[] { (50.0, 1.53), (50, 1.57), (200, 2.42), (200, 3.85), (200, 2.24) })
                Assert.True(x >= lim.Left && x <= lim.Right && y >= lim.Bottom && y <= lim.Top, $"({x}, {y}) outside the axes {lim}");
            using var bitmap = SKBitmap.Decode(png);
            var pixels = bitmap.Pixels;
            foreach (var s in series)
            {
                var c = s.Color;
                int drawn = pixels.Count(p => p.Red == c.R && p.Green == c.G && p.Blue == c.B);
                Assert.True(drawn > 50, $"series '{s.LegendText}' has {drawn} pixels of its colour: not drawn");
            }
        }
        finally { Plots.Saved = null; Directory.Delete(dir, true); }
    }

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

    [Fact]
    public void RegretBandsAndAttentionMassGiveOnePngEach()
    {
        var bands = new ResultTable("MetaLearning.RegretBands", "t", new[] { "predictor", "N", "median", "q25", "q75", "mean" });
        foreach (var p in new[] { "lstm", "bayes" })
            foreach (var n in new[] { 1, 50, 200 }) bands.Add(p, n, 0.01 * n, 0.008 * n, 0.012 * n, 0.011 * n);
        var mass = new ResultTable("Attention.FashionMnist", "t", new[] { "pair", "zeta", "PA", "linear", "PA_minus_linear", "PA_relevant_mass" });
        foreach (var z in new[] { 0.1, 0.2 }) mass.Add("trouser/bag", z, (0.97, 0.01), (0.9, 0.01), (0.07, 0.01), (0.8 + z, 0.01));
        string dir = Path.Combine(Path.GetTempPath(), "tc-plot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            Assert.Equal(new[] { "MetaLearning.RegretBands.png" }, Plots.For(bands, dir).Select(Path.GetFileName));
            Assert.Equal(new[] { "Attention.FashionMnist.png" }, Plots.For(mass, dir).Select(Path.GetFileName));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.25, 1.75)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.5, 2.5)]
    [InlineData(new[] { 5.0 }, 0.75, 5.0)]
    public void QuantileInterpolatesBetweenOrderStatistics(double[] sorted, double q, double expected) =>
        Assert.Equal(expected, TheoryCheck.Claims.Statistics.Bootstrap.Quantile(sorted, q), 12);

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
