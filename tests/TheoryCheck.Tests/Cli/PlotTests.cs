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
        var saved = new List<ScottPlot.Plot>();
        Plots.Saved = (_, plot) => saved.Add(plot);
        try
        {
            var paths = Plots.For(table, dir);
            Assert.Equal(2, paths.Count);
            // Per Γ: theory line and simulation points for each of the three heads.
            for (int i = 0; i < paths.Count; i++) AssertDrawn(saved[i], paths[i], expectedSeries: 6);
        }
        finally { Plots.Saved = null; Directory.Delete(dir, true); }
    }

    [Fact]
    public void RegretBandsAndAttentionMassGiveOnePngEach()
    {
        var bands = new ResultTable("MetaLearning.RegretBands", "t", new[] { "predictor", "N", "median", "q25", "q75", "mean" });
        foreach (var (p, k) in new[] { ("lstm", 1.0), ("bayes", 0.8) })   // distinct curves, so neither hides the other
            foreach (var n in new[] { 1, 50, 200 }) bands.Add(p, n, 0.01 * k * n, 0.008 * k * n, 0.012 * k * n, 0.011 * k * n);
        var mass = new ResultTable("Attention.FashionMnist", "t", new[] { "pair", "zeta", "PA", "linear", "PA_minus_linear", "PA_relevant_mass" });
        foreach (var z in new[] { 0.1, 0.2 }) mass.Add("trouser/bag", z, (0.97, 0.01), (0.9, 0.01), (0.07, 0.01), (0.8 + z, 0.01));
        string dir = Path.Combine(Path.GetTempPath(), "tc-plot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var saved = new List<ScottPlot.Plot>();
        Plots.Saved = (_, plot) => saved.Add(plot);
        try
        {
            var bandPng = Plots.For(bands, dir);
            Assert.Equal(new[] { "MetaLearning.RegretBands.png" }, bandPng.Select(Path.GetFileName));
            AssertDrawn(saved[0], bandPng[0], expectedSeries: 2);   // a median line per predictor (bands are fills)
            Assert.Equal(2, saved[0].GetPlottables().OfType<ScottPlot.Plottables.FillY>().Count());
            var massPng = Plots.For(mass, dir);
            Assert.Equal(new[] { "Attention.FashionMnist.png" }, massPng.Select(Path.GetFileName));
            AssertDrawn(saved[1], massPng[0], expectedSeries: 2);   // the pair's mass and the uniform-attention line
        }
        finally { Plots.Saved = null; Directory.Delete(dir, true); }
    }

    /// <summary>A rendered plot is not blank, has the expected line/point series, its axes contain every point of every
    /// series, and each series' colour appears in the PNG (theory and simulation of one head share a colour).</summary>
    static void AssertDrawn(ScottPlot.Plot plot, string png, int expectedSeries)
    {
        var series = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToArray();
        Assert.Equal(expectedSeries, series.Length);
        var lim = plot.Axes.GetLimits();
        foreach (var s in series)
            foreach (var pt in s.Data.GetScatterPoints())
                Assert.True(pt.X >= lim.Left && pt.X <= lim.Right && pt.Y >= lim.Bottom && pt.Y <= lim.Top,
                            $"'{s.LegendText}' point ({pt.X}, {pt.Y}) outside the axes {lim}");
        using var bitmap = SKBitmap.Decode(png);
        var pixels = bitmap.Pixels;
        Assert.True(pixels.Count(p => p.Red < 250 || p.Green < 250 || p.Blue < 250) > pixels.Length / 100, "the plot is blank");
        foreach (var c in series.Select(s => s.Color).Distinct())
        {
            int drawn = pixels.Count(p => p.Red == c.R && p.Green == c.G && p.Blue == c.B);
            Assert.True(drawn > 50, $"colour {c} has {drawn} pixels: a series is not drawn");
        }
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
