// map.png. One axis: the mapped bound's value ± SE against the axis, the bound as a red line, the bracket shaded, each point
// marked by status (holds ●, fails ■, unresolved ○, not measured ×), points outside the claim's domain in grey, and the
// control's value where it was measured. Two axes: a grid coloured holds / fails / unresolved with the value in each cell.
using ScottPlot;
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Cli.Maps;

public static class MapPlot
{
    public static string Write(MapJson.Document d, string path)
    {
        var plt = new Plot();
        plt.Font.Set("DejaVu Sans");
        plt.Title($"{d.Claim}: {d.Bound} {d.Op} {d.Value:G4}");
        if (d.Axes.Count == 2) Grid(plt, d); else Line(plt, d);
        return AtomicFile.Write(path, tmp => plt.SavePng(tmp, 1100, 560));
    }

    static Color StatusColour(string status, bool outside) => outside ? Colors.Gray : status switch
    {
        "holds" => Colors.SeaGreen, "fails" => Colors.Crimson, "unresolved" => Colors.DarkOrange, _ => Colors.DimGray,
    };

    static void Line(Plot plt, MapJson.Document d)
    {
        var a = d.Axes[0];
        plt.XLabel(a.Unit == a.Name ? a.Name : $"{a.Name} ({a.Unit})");
        var points = d.Points.Where(p => double.IsFinite(p.Measured)).OrderBy(p => p.At[0]).ToArray();
        // Values over more than two decades (a KL falling with training) read on a log axis; the error bars become ±SE/(v ln 10).
        var all = points.Select(p => p.Measured).Append(d.Value).Concat(d.Points.Select(p => p.Control ?? double.NaN).Where(double.IsFinite)).ToArray();
        bool log = all.All(v => v > 0) && all.Max() / all.Min() > 100;
        double Y(double v) => log ? Math.Log10(v) : v;
        double E(double v, double se) => log ? se / (v * Math.Log(10)) : se;
        plt.YLabel(log ? d.Bound + " (log scale)" : d.Bound);
        if (log)
            plt.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                LabelFormatter = y => Math.Pow(10, y).ToString("G2", System.Globalization.CultureInfo.InvariantCulture),
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(), IntegerTicksOnly = true,
            };
        if (d.Bracket is { } b)
        {
            var span = plt.Add.HorizontalSpan(Math.Min(b.Holding.At[0], b.Failing.At[0]), Math.Max(b.Holding.At[0], b.Failing.At[0]));
            span.FillStyle.Color = Colors.Gold.WithAlpha(0.35);
            span.LegendText = "boundary bracket";
        }
        if (a.DomainLo is { } lo && a.DomainHi is { } hi && hi > lo)
        {
            var domain = plt.Add.HorizontalSpan(lo, hi);
            domain.FillStyle.Color = Colors.SteelBlue.WithAlpha(0.08);
            domain.LegendText = "claim's domain";
        }
        var bound = plt.Add.HorizontalLine(Y(d.Value));
        bound.Color = Colors.Crimson;
        bound.LinePattern = LinePattern.Dashed;
        bound.LineWidth = 2;
        bound.LegendText = $"bound {d.Op} {d.Value:G4}";
        if (points.Length > 0)
        {
            var line = plt.Add.Scatter(points.Select(p => p.At[0]).ToArray(), points.Select(p => Y(p.Measured)).ToArray());
            line.Color = Colors.SteelBlue;
            line.MarkerSize = 0;
            line.LegendText = "measured (worst case) ± SE";
            var bars = plt.Add.ErrorBar(points.Select(p => p.At[0]).ToArray(), points.Select(p => Y(p.Measured)).ToArray(), points.Select(p => E(p.Measured, p.Se)).ToArray());
            bars.Color = Colors.SteelBlue;
        }
        foreach (var group in points.GroupBy(p => (p.Status, p.OutsideDomain)))
        {
            var s = plt.Add.Scatter(group.Select(p => p.At[0]).ToArray(), group.Select(p => Y(p.Measured)).ToArray());
            s.LineWidth = 0;
            s.MarkerSize = 11;
            s.Color = StatusColour(group.Key.Status, group.Key.OutsideDomain);
            s.MarkerShape = group.Key.Status switch
            {
                "holds" => MarkerShape.FilledCircle, "fails" => MarkerShape.FilledSquare, "unresolved" => MarkerShape.OpenCircle, _ => MarkerShape.Eks,
            };
            s.LegendText = group.Key.Status + (group.Key.OutsideDomain ? " (outside domain)" : "");
        }
        var controls = d.Points.Where(p => p.Control is { } c && double.IsFinite(c)).OrderBy(p => p.At[0]).ToArray();
        if (controls.Length > 0)
        {
            var c = plt.Add.Scatter(controls.Select(p => p.At[0]).ToArray(), controls.Select(p => Y(p.Control!.Value)).ToArray());
            c.Color = Colors.Purple;
            c.LinePattern = LinePattern.Dotted;
            c.MarkerShape = MarkerShape.Cross;
            c.MarkerSize = 8;
            c.LegendText = "control (near miss)";
        }
        plt.ShowLegend(Edge.Right);   // outside the data: a map's points reach every corner
    }

    static void Grid(Plot plt, MapJson.Document d)
    {
        var xs = d.Points.Select(p => p.At[0]).Distinct().Order().ToArray();
        var ys = d.Points.Select(p => p.At[1]).Distinct().Order().ToArray();
        plt.XLabel(d.Axes[0].Unit == d.Axes[0].Name ? d.Axes[0].Name : $"{d.Axes[0].Name} ({d.Axes[0].Unit})");
        plt.YLabel(d.Axes[1].Unit == d.Axes[1].Name ? d.Axes[1].Name : $"{d.Axes[1].Name} ({d.Axes[1].Unit})");
        foreach (var p in d.Points)
        {
            int i = Array.IndexOf(xs, p.At[0]), j = Array.IndexOf(ys, p.At[1]);
            var cell = plt.Add.Rectangle(i, i + 1, j, j + 1);
            cell.FillStyle.Color = StatusColour(p.Status, false).WithAlpha(p.OutsideDomain ? 0.5 : 0.9);
            cell.LineStyle.Color = Colors.White;
            var label = plt.Add.Text($"{p.Status}\n{MapMarkdown.Value(p.Measured, p.Se)}", i + 0.5, j + 0.5);
            label.LabelAlignment = Alignment.MiddleCenter;
            label.LabelFontColor = Colors.White;
        }
        plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xs.Select((_, i) => i + 0.5).ToArray(), xs.Select(x => x.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plt.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ys.Select((_, i) => i + 0.5).ToArray(), ys.Select(y => y.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plt.Axes.SetLimits(0, xs.Length, 0, ys.Length);
    }
}
