// One claim's history as an inline SVG drawn by the tool (no script, nothing fetched): a panel per bound with the measured
// value ± SE of each run, the bound as a dashed line, and each run's verdict as the marker (pass ●, finding ◆, fail ✕,
// not run ○). A bound whose values span more than two decades on the same side of zero is drawn on a log axis.
using System.Globalization;
using System.Net;
using System.Text;
using TheoryCheck.Cli.Reporting;

namespace TheoryCheck.Cli.Gating;

public static class ClaimHistoryChart
{
    public const int Width = 600, PanelHeight = 150;
    const int Left = 78, Right = 14, Top = 22, Bottom = 34;

    /// <summary>The verdict colours, shared with the page's table so that the legend is one.</summary>
    public static string Colour(string? verdict) => verdict switch
    {
        "pass" => "#1a7f37", "finding" => "#bc4c00", "fail" => "#cf222e", _ => "#8c959f",
    };

    /// <param name="runs">Oldest first; a run that does not hold the claim leaves a gap.</param>
    public static string Svg(string id, IReadOnlyList<StoredRun> runs)
    {
        var claims = runs.Select(r => r.Doc.Claims.FirstOrDefault(c => c.Id == id)).ToArray();
        var metrics = claims.OfType<ResultsJson.ClaimDto>().SelectMany(c => c.Bounds.Select(b => b.Metric)).Distinct().ToArray();
        int height = Math.Max(1, metrics.Length) * PanelHeight;
        var sb = new StringBuilder(Inv($"<svg class=\"chart\" data-claim=\"{Esc(id)}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{Esc(id)} across {runs.Count} runs\">"));
        sb.Append(Inv($"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>"));
        if (metrics.Length == 0)
            sb.Append(Inv($"<text x=\"{Left}\" y=\"{PanelHeight / 2}\" font-size=\"13\" fill=\"#57606a\">no bound measured in these runs</text>"));
        for (int k = 0; k < metrics.Length; k++)
            Panel(sb, k * PanelHeight, metrics[k], claims.Select(c => c?.Bounds.FirstOrDefault(b => b.Metric == metrics[k])).ToArray(),
                  claims.Select(c => c?.Verdict).ToArray(), runs);
        return sb.Append("</svg>").ToString();
    }

    static void Panel(StringBuilder sb, int y0, string metric, ResultsJson.BoundDto?[] bounds, string?[] verdicts, IReadOnlyList<StoredRun> runs)
    {
        int n = runs.Count;
        double plotW = Width - Left - Right, plotH = PanelHeight - Top - Bottom;
        var finite = bounds.Where(b => b is not null && double.IsFinite(b.Measured)).Select(b => b!).ToArray();
        var lines = bounds.OfType<ResultsJson.BoundDto>().Select(b => b.Value).Distinct().ToArray();
        var ys = finite.SelectMany(b => new[] { b.Measured - b.Se, b.Measured + b.Se }).Concat(lines).Where(double.IsFinite).ToArray();
        bool log = ys.Length > 0 && (ys.All(v => v > 0) || ys.All(v => v < 0)) && ys.Max(Math.Abs) / ys.Min(Math.Abs) > 100;
        double sign = ys.Length > 0 && ys.All(v => v < 0) ? -1 : 1;
        Func<double, double> f = log ? v => Math.Log10(Math.Max(sign * v, 1e-300)) : v => v;
        double lo = ys.Length == 0 ? 0 : ys.Min(f), hi = ys.Length == 0 ? 1 : ys.Max(f);
        if (hi - lo < 1e-12) { lo -= 0.5 * Math.Max(Math.Abs(lo), 1e-9); hi += 0.5 * Math.Max(Math.Abs(hi), 1e-9); }
        double pad = 0.08 * (hi - lo); lo -= pad; hi += pad;
        const double inset = 28;   // keeps the first and last commit labels inside the panel
        double X(int i) => Left + (n == 1 ? plotW / 2 : inset + i * (plotW - 2 * inset) / (n - 1));
        double Y(double v) => y0 + Top + plotH * (1 - (f(v) - lo) / (hi - lo));

        sb.Append(Inv($"<g class=\"panel\" data-metric=\"{Esc(metric)}\">"));
        sb.Append(Inv($"<rect x=\"{Left}\" y=\"{y0 + Top}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"#f6f8fa\" stroke=\"#d0d7de\"/>"));
        string op = bounds.OfType<ResultsJson.BoundDto>().LastOrDefault()?.Op ?? "";
        sb.Append(Inv($"<text x=\"{Left}\" y=\"{y0 + 15}\" font-size=\"13\" font-weight=\"600\" fill=\"#24292f\">{Esc(metric)} {Esc(op)} {Num(lines.LastOrDefault())}{(log ? (sign < 0 ? " (log |value|)" : " (log axis)") : "")}</text>"));
        // Axis labels at the bottom and top of the range, in the value's own units.
        double Inverse(double t) => log ? sign * Math.Pow(10, t) : t;
        sb.Append(Inv($"<text x=\"{Left - 6}\" y=\"{y0 + Top + plotH}\" font-size=\"11\" text-anchor=\"end\" fill=\"#57606a\">{Num(Inverse(lo))}</text>"));
        sb.Append(Inv($"<text x=\"{Left - 6}\" y=\"{y0 + Top + 10}\" font-size=\"11\" text-anchor=\"end\" fill=\"#57606a\">{Num(Inverse(hi))}</text>"));
        foreach (var v in lines)
            sb.Append(Inv($"<line class=\"bound\" x1=\"{Left}\" x2=\"{Left + plotW}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\" stroke=\"#cf222e\" stroke-width=\"2\" stroke-dasharray=\"7 4\"/>"));
        var path = Enumerable.Range(0, n).Where(i => bounds[i] is { } b && double.IsFinite(b.Measured)).Select(i => Inv($"{X(i):0.#},{Y(bounds[i]!.Measured):0.#}")).ToArray();
        if (path.Length > 1) sb.Append(Inv($"<polyline class=\"series\" points=\"{string.Join(' ', path)}\" fill=\"none\" stroke=\"#0969da\" stroke-width=\"1.5\"/>"));
        for (int i = 0; i < n; i++)
        {
            double x = X(i);
            sb.Append(Inv($"<text x=\"{x:0.#}\" y=\"{y0 + PanelHeight - 12}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#57606a\">{Esc(runs[i].Commit)}</text>"));
            if (bounds[i] is not { } b) continue;
            if (!double.IsFinite(b.Measured))
            {
                sb.Append(Inv($"<text class=\"na\" x=\"{x:0.#}\" y=\"{y0 + Top + plotH / 2:0.#}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#8c959f\">n/a</text>"));
                continue;
            }
            if (b.Se > 0)
                sb.Append(Inv($"<line class=\"se\" x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Y(b.Measured - b.Se):0.#}\" y2=\"{Y(b.Measured + b.Se):0.#}\" stroke=\"#0969da\" stroke-width=\"1.5\"/>"));
            sb.Append(Marker(x, Y(b.Measured), verdicts[i], Inv($"{runs[i].Commit}: {b.Metric} = {Num(b.Measured)}{(b.Se > 0 ? $" ± {Num(b.Se)}" : "")} ({verdicts[i]})")));
        }
        sb.Append("</g>");
    }

    static string Marker(double x, double y, string? verdict, string title)
    {
        string c = Colour(verdict), t = $"<title>{Esc(title)}</title>";
        return verdict switch
        {
            "pass" => Inv($"<circle class=\"marker pass\" cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"5\" fill=\"{c}\">{t}</circle>"),
            "finding" => Inv($"<path class=\"marker finding\" d=\"M{x:0.#} {y - 6:0.#} L{x + 6:0.#} {y:0.#} L{x:0.#} {y + 6:0.#} L{x - 6:0.#} {y:0.#} Z\" fill=\"{c}\">{t}</path>"),
            "fail" => Inv($"<path class=\"marker fail\" d=\"M{x - 5:0.#} {y - 5:0.#} L{x + 5:0.#} {y + 5:0.#} M{x + 5:0.#} {y - 5:0.#} L{x - 5:0.#} {y + 5:0.#}\" stroke=\"{c}\" stroke-width=\"3\">{t}</path>"),
            _ => Inv($"<circle class=\"marker notrun\" cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"5\" fill=\"none\" stroke=\"{c}\" stroke-width=\"2\">{t}</circle>"),
        };
    }

    public static string Num(double v) => double.IsNaN(v) ? "n/a" : v.ToString("G3", CultureInfo.InvariantCulture);
    static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
    public static string Esc(string s) => WebUtility.HtmlEncode(s);
}
