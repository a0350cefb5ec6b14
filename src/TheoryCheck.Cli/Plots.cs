// PNG plots of result tables where people would rather look than read (ScottPlot, headless):
// P1 cumulative regret curves (exact ideal predictors; meta-trained models ± SE next to exact Bayes), P2 accuracy vs ζ
// per distractor family, and known-prompt theory curves with simulation points.
using ScottPlot;
using TheoryCheck.Claims.Attention;
using TheoryCheck.Claims.MetaLearning;
using TheoryCheck.Claims.PromptTuning;
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Cli;

public static class Plots
{
    /// <summary>How each table with a figure is drawn, keyed by the table's own name so a renamed table keeps its plot.</summary>
    static readonly IReadOnlyDictionary<string, Func<ResultTable, string, IReadOnlyList<string>>> ByTable =
        new Dictionary<string, Func<ResultTable, string, IReadOnlyList<string>>>
        {
            [AccuracyTable.Instance.Name] = AccuracyVsZeta,
            [KnownPromptTable.Instance.Name] = KnownPromptCurves,
            [ExactRegretTable.Instance.Name] = ExactRegretCurves,
            [BayesOptimalityTable.Instance.Name] = ModelRegretCurves,
            [RegretBandsTable.Instance.Name] = RegretBandCurves,
            [FashionMnistTable.Instance.Name] = RelevantMassVsZeta,
            [RegretCurvesTable.Instance.Name] = TuningCurves,
        };

    /// <summary>Writes the table's plots into <paramref name="dir"/>; returns their paths (none for tables without a plot). A
    /// table the tool has no figure for is drawn as its source declares (ITableSource.Plot: a user's table).</summary>
    public static IReadOnlyList<string> For(ResultTable table, string dir) =>
        ByTable.TryGetValue(table.Name, out var plot) ? plot(table, dir)
        : TheoryCheck.Claims.Catalog.Table(table.Name)?.Plot is { } declared ? RowsAcrossColumns(table, declared, dir)
        : Array.Empty<string>();

    /// <summary>A declared plot: each row a line over the columns whose headers carry an x (TablePlot.X), labelled by its other cells.</summary>
    static IReadOnlyList<string> RowsAcrossColumns(ResultTable t, TablePlot p, string dir)
    {
        int[] columns = Enumerable.Range(0, t.Columns.Length).Where(c => TablePlot.X(t.Columns[c]) is not null).ToArray();
        if (columns.Length == 0) return Array.Empty<string>();
        double[] xs = columns.Select(c => TablePlot.X(t.Columns[c])!.Value).ToArray();
        var plt = NewPlot(t.Title, p.XLabel, p.YLabel);
        var labels = Enumerable.Range(0, t.Columns.Length).Except(columns).ToArray();
        foreach (var row in t.Rows)
            Series(plt, string.Join(", ", labels.Select(c => row[c])), xs, columns.Select(c => Value(row[c])).ToArray(), line: true);
        return new[] { Save(plt, dir, $"{t.Name}.png") };
    }

    static IReadOnlyList<string> AccuracyVsZeta(ResultTable t, string dir)
    {
        var paths = new List<string>();
        foreach (var family in t.Rows.Select(r => r[0]).Distinct())
        {
            var rows = t.Rows.Where(r => r[0] == family).ToArray();
            double[] zeta = rows.Select(r => Value(r[1]).V).ToArray();
            var plt = NewPlot($"Test accuracy vs context sparsity ζ ({family})", "ζ (fraction of relevant tokens)", "test accuracy");
            for (int c = 2; c < t.Columns.Length; c++)
                Series(plt, t.Columns[c], zeta, rows.Select(r => Value(r[c])).ToArray(), line: true);
            paths.Add(Save(plt, dir, $"{t.Name}.{family}.png"));
        }
        return paths;
    }

    static IReadOnlyList<string> KnownPromptCurves(ResultTable t, string dir)
    {
        var paths = new List<string>();
        int Col(string name) => Array.IndexOf(t.Columns, name);
        foreach (var gamma in t.Rows.Select(r => r[0]).Distinct())
        {
            var rows = t.Rows.Where(r => r[0] == gamma).ToArray();
            double[] ratio = rows.Select(r => Value(r[Col("n/d")]).V).ToArray();
            var plt = NewPlot($"Known prompt, Γ = {gamma}: test error, theory (lines) vs simulation (points ± SE)", "n / d", "test error");
            foreach (var head in new[] { "meandiff", "ridge", "ridgeless" })
            {
                var color = Series(plt, $"{head} theory", ratio, rows.Select(r => Value(r[Col(head + "_theory")])).ToArray(), line: true);
                Series(plt, $"{head} simulation", ratio, rows.Select(r => Value(r[Col(head + "_sim")])).ToArray(), line: false, color);
            }
            paths.Add(Save(plt, dir, $"{t.Name}.Gamma{gamma}.png"));
        }
        return paths;
    }

    /// <summary>Columns "N=1" … "N=200": one cumulative-regret curve per predictor × target row.</summary>
    static IReadOnlyList<string> ExactRegretCurves(ResultTable t, string dir)
    {
        var cols = Enumerable.Range(0, t.Columns.Length).Where(i => t.Columns[i].StartsWith("N=")).ToArray();
        double[] ns = cols.Select(i => double.Parse(t.Columns[i][2..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var paths = new List<string>();
        foreach (var target in t.Rows.Select(r => r[1]).Distinct())
        {
            var plt = NewPlot($"Exact expected cumulative regret, target {target} (p1 §5.2)", "N (coin flips)", "cumulative regret (nats)");
            foreach (var r in t.Rows.Where(r => r[1] == target))
                Series(plt, r[0] + (r[2] == "-" ? "" : $" ({r[2]})"), ns, cols.Select(i => Value(r[i])).ToArray(), line: true);
            paths.Add(Save(plt, dir, $"{t.Name}.{target}.png"));
        }
        return paths;
    }

    /// <summary>Columns regret@N (± SE over sequences) and bayes@N (exact): model vs Bayes-optimal regret per model × prior.</summary>
    static IReadOnlyList<string> ModelRegretCurves(ResultTable t, string dir)
    {
        var ns = t.Columns.Where(c => c.StartsWith("regret@")).Select(c => c["regret@".Length..]).ToArray();
        double[] xs = ns.Select(n => double.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        int Col(string name) => Array.IndexOf(t.Columns, name);
        var plt = NewPlot("Meta-trained models vs exact Bayes: cumulative regret (mean ± SE over sequences)", "N (coin flips)", "cumulative regret (nats)");
        foreach (var r in t.Rows)
        {
            var color = Series(plt, $"{r[0]} on {r[1]}", xs, ns.Select(n => Value(r[Col("regret@" + n)])).ToArray(), line: true);
            Series(plt, $"exact Bayes on {r[1]} (dashed)", xs, ns.Select(n => Value(r[Col("bayes@" + n)])).ToArray(), line: true, color, dashed: true);
        }
        return new[] { Save(plt, dir, $"{t.Name}.png") };
    }

    /// <summary>Rows (predictor, N, median, q25, q75, mean): the median line over an interquartile band per predictor.</summary>
    static IReadOnlyList<string> RegretBandCurves(ResultTable t, string dir)
    {
        int Col(string name) => Array.IndexOf(t.Columns, name);
        var plt = NewPlot("Cumulative regret over sequences: median (line) and interquartile range (band)", "N (coin flips)", "cumulative regret (nats)");
        foreach (var predictor in t.Rows.Select(r => r[0]).Distinct())
        {
            var rows = t.Rows.Where(r => r[0] == predictor).ToArray();
            double[] Column(string c) => rows.Select(r => Value(r[Col(c)]).V).ToArray();
            double[] ns = Column("N");
            var color = Series(plt, $"{predictor} median", ns, Column("median").Select(v => (v, 0.0)).ToArray(), line: true);
            var band = plt.Add.FillY(ns, Column("q25"), Column("q75"));
            band.FillColor = color.WithAlpha(0.2);
            band.LegendText = $"{predictor} q25-q75";
            plt.MoveToBack(band);   // under its median line, which the translucent fill would otherwise tint
        }
        return new[] { Save(plt, dir, $"{t.Name}.png") };
    }

    /// <summary>Rows (setting, method, N, median, q25, q75): one plot per target × network, a band per tuning method.</summary>
    static IReadOnlyList<string> TuningCurves(ResultTable t, string dir)
    {
        var paths = new List<string>();
        foreach (var setting in t.Rows.Select(r => r[0]).Distinct())
        {
            var plt = NewPlot($"Cumulative regret, {setting}: median and q25-q75 over tuning seeds", "N (tokens)", "cumulative regret (nats)");
            // 13 curves: the default 10-colour palette would repeat, Category20 does not.
            var palette = new ScottPlot.Palettes.Category20();
            foreach (var (method, i) in t.Rows.Where(r => r[0] == setting).Select(r => r[1]).Distinct().Select((m, i) => (m, i)))
            {
                var rows = t.Rows.Where(r => r[0] == setting && r[1] == method).ToArray();
                double[] Column(int c) => rows.Select(r => Value(r[c]).V).ToArray();
                bool exact = method.EndsWith("(exact)");
                var color = Series(plt, method, Column(2), Column(3).Select(v => (v, 0.0)).ToArray(), line: true,
                                   palette.GetColor(2 * i % 20 + 2 * i / 20), dashed: exact);
                if (exact) continue;
                var band = plt.Add.FillY(Column(2), Column(4), Column(5));
                band.FillColor = color.WithAlpha(0.15);
                band.LineWidth = 0;
                plt.MoveToBack(band);   // under every line
            }
            plt.Legend.Alignment = Alignment.UpperLeft;
            paths.Add(Save(plt, dir, $"{t.Name}.{string.Concat(setting.Where(char.IsLetterOrDigit))}.png"));
        }
        return paths;
    }

    /// <summary>Rows (pair, zeta, …, PA_relevant_mass): PA's attention on the relevant images vs ζ, uniform attention = ζ.</summary>
    static IReadOnlyList<string> RelevantMassVsZeta(ResultTable t, string dir)
    {
        int mass = Array.IndexOf(t.Columns, "PA_relevant_mass"), zeta = Array.IndexOf(t.Columns, "zeta");
        if (mass < 0 || zeta < 0 || t.Rows.Count == 0) return Array.Empty<string>();
        var plt = NewPlot("PA's attention mass on the relevant images vs ζ (Fashion-MNIST)", "ζ (fraction of relevant images)", "attention mass on relevant images");
        foreach (var pair in t.Rows.Select(r => r[0]).Distinct())
        {
            var rows = t.Rows.Where(r => r[0] == pair).ToArray();
            Series(plt, pair, rows.Select(r => Value(r[zeta]).V).ToArray(), rows.Select(r => Value(r[mass])).ToArray(), line: true);
        }
        double[] zs = t.Rows.Select(r => Value(r[zeta]).V).Distinct().Order().ToArray();
        Series(plt, "uniform attention (= ζ)", zs, zs.Select(z => (z, 0.0)).ToArray(), line: true, Colors.Gray, dashed: true);
        return new[] { Save(plt, dir, $"{t.Name}.png") };
    }

    static Plot NewPlot(string title, string x, string y)
    {
        var plt = new Plot();
        plt.Font.Set("DejaVu Sans");
        plt.Title(title); plt.XLabel(x); plt.YLabel(y);
        return plt;
    }

    static Color Series(Plot plt, string label, double[] xs, (double V, double Se)[] ys, bool line, Color? color = null, bool dashed = false)
    {
        var s = plt.Add.Scatter(xs, ys.Select(p => p.V).ToArray());
        if (dashed) s.LinePattern = LinePattern.Dashed;
        if (color is { } c) s.Color = c;
        s.LegendText = label;
        s.LineWidth = line ? 2 : 0;
        s.MarkerSize = line ? 4 : 8;
        if (ys.Any(p => p.Se > 0))
        {
            var bars = plt.Add.ErrorBar(xs, ys.Select(p => p.V).ToArray(), ys.Select(p => p.Se).ToArray());
            bars.Color = s.Color;
        }
        return s.Color;
    }

    /// <summary>Called with each plot once it is saved (its axes are then the rendered ones): tests read its series and
    /// limits. Null outside tests.</summary>
    public static Action<string, Plot>? Saved { get; set; }

    static string Save(Plot plt, string dir, string file)
    {
        plt.ShowLegend();
        string path = AtomicFile.Write(Path.Combine(dir, file), tmp => plt.SavePng(tmp, 900, 560));
        Saved?.Invoke(path, plt);
        return path;
    }

    static (double V, double Se) Value(string cell) =>
        SnapshotStore.TryNumber(cell, out double v, out double se) ? (v, se) : (double.NaN, 0);
}
