// map.md: the boundary in one sentence, then every point (axis values, status, the mapped bound's value ± SE and limit, the
// control's value, whether it lies outside the claim's domain or was added by the bisection).
using System.Globalization;
using System.Text;
using TheoryCheck.Claims.Maps;

namespace TheoryCheck.Cli.Maps;

public static class MapMarkdown
{
    public static string Render(MapJson.Document d)
    {
        var sb = new StringBuilder();
        string axes = string.Join(" × ", d.Axes.Select(a => $"{a.Name} {F(a.Lo)}..{F(a.Hi)} {a.Unit}"));
        sb.Append($"# Map: {d.Claim} {d.Bound} {d.Op} {F(d.Value)} along {axes}\n\n");
        sb.Append($"{d.Manifest.Scale} scale, seed {d.Manifest.Seed}, commit {Short(d.Manifest.Commit)}{(d.Manifest.Dirty ? "+dirty" : "")}, {d.Points.Count} points, {d.Manifest.WallSeconds:0} s.\n\n");
        sb.Append($"**{d.Summary}**\n\n");
        if (d.Bracket is { } b)
            sb.Append(Inv($"Bracket: holds at {F(b.Holding.At[0])} ({Value(b.Holding.Measured, b.Holding.Se)}, control {Value(b.Holding.Control, b.Holding.ControlSe)}), ") +
                      Inv($"{b.Failing.Status} at {F(b.Failing.At[0])} ({Value(b.Failing.Measured, b.Failing.Se)}, control {Value(b.Failing.Control, b.Failing.ControlSe)}); ") +
                      Inv($"width {F(b.Width)} (at most 1/{d.Resolution} of the range, or adjacent grid points).\n\n"));
        foreach (var a in d.Axes.Where(a => a.DomainLo is not null))
            sb.Append($"The claim's statement is declared on {a.Name} ∈ [{F(a.DomainLo!.Value)}, {F(a.DomainHi!.Value)}]; points outside are computed and marked.\n\n");
        sb.Append("| " + string.Join(" | ", d.Axes.Select(a => a.Name)) + $" | status | {d.Bound} | 95 % limit | control | outside domain | from |\n");
        sb.Append("|" + string.Concat(d.Axes.Select(_ => "--:|")) + ":--|--:|--:|--:|:--|:--|\n");
        foreach (var p in d.Points)
            sb.Append("| " + string.Join(" | ", p.At.Select(F)) +
                      Inv($" | {p.Status} | {Value(p.Measured, p.Se)} | {F(p.Limit)} | {Value(p.Control, p.ControlSe)} | {(p.OutsideDomain ? "yes" : "")} | {(p.Bisection ? "bisection" : "grid")} |\n"));
        return sb.ToString();
    }

    public static string At(IReadOnlyList<Axis> axes, MapPoint p) => string.Join(" ", axes.Select((a, i) => $"{a.Name}={a.Format(p.At[i])}"));

    public static string StatusText(MapPoint p) => MapJson.StatusText(p.Status) + (p.OutsideDomain ? " (outside domain)" : "");

    public static string Value(double? x, double? se) =>
        x is not { } v || double.IsNaN(v) ? "–" : se is > 0 ? Inv($"{v:G4} ± {se:G2}") : Inv($"{v:G4}");

    static string F(double x) => double.IsNaN(x) ? "–" : x.ToString("G4", CultureInfo.InvariantCulture);
    static string Short(string c) => c.Length > 7 ? c[..7] : c;
    static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
