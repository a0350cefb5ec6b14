// Where a claim stops holding: the claim run at points along one axis (or on a grid of two), each point three-valued from
// its confidence limits, and on one axis a bisection to the bracket [last point that holds, first that does not] no wider
// than 1/16 of the range. An unresolved point (its interval straddles the bound at the sample cap) never counts as holding.
using TheoryCheck.Claims.Core;

namespace TheoryCheck.Claims.Maps;

public enum PointStatus { Holds, Fails, Unresolved, NotMeasured }

/// <param name="At">The axis values, in the map's axis order.</param>
/// <param name="Measured">The mapped bound's worst case over the claim's cases (NaN when not measured).</param>
/// <param name="Control">The claim's control on the same bound in that case, when it measures it.</param>
/// <param name="Bisection">Added by the bisection (not one of the K initial points).</param>
public sealed record MapPoint(IReadOnlyList<double> At, PointStatus Status, double Measured, double Se, double Limit,
                              double? Control, double? ControlSe, bool OutsideDomain, string Verdict, string Reason, double Seconds,
                              bool Bisection = false);

/// <summary>The located boundary on one axis: <paramref name="Holding"/> is the last point that holds, <paramref name="Failing"/>
/// the first that does not (either side of it, whichever way the claim improves along the axis).</summary>
public sealed record Bracket(MapPoint Holding, MapPoint Failing)
{
    public double Width => Math.Abs(Failing.At[0] - Holding.At[0]);
}

/// <param name="NonMonotone">The K initial points change status more than once along the axis.</param>
public sealed record MapResult(string Claim, Bound Bound, IReadOnlyList<Axis> Axes, IReadOnlyList<(double Lo, double Hi)> Ranges,
                               IReadOnlyList<MapPoint> Points, Bracket? Bracket, bool NonMonotone)
{
    /// <summary>One sentence: where the boundary is, or that the claim holds (fails) across the whole range.</summary>
    public string Summary()
    {
        var a = Axes[0];
        if (Axes.Count == 2)
            return $"{Claim} {Bound}: {Points.Count(p => p.Status == PointStatus.Holds)} of {Points.Count} grid points hold, " +
                   $"{Points.Count(p => p.Status == PointStatus.Fails)} fail, {Points.Count(p => p.Status == PointStatus.Unresolved)} unresolved.";
        if (Bracket is { } b)
            return FormattableString.Invariant(
                $"{Claim} {Bound} holds at {a.Name} = {a.Format(b.Holding.At[0])} ({b.Holding.Measured:G3} ± {b.Holding.Se:G2}) and not at {a.Format(b.Failing.At[0])} ({b.Failing.Measured:G3} ± {b.Failing.Se:G2}, {b.Failing.Status.ToString().ToLowerInvariant()}): the boundary lies in [{a.Format(Math.Min(b.Holding.At[0], b.Failing.At[0]))}, {a.Format(Math.Max(b.Holding.At[0], b.Failing.At[0]))}] {a.Unit}{(NonMonotone ? "; the map is not monotone (status changes more than once)" : "")}.");
        var measured = Points.Where(p => p.Status != PointStatus.NotMeasured).ToArray();
        string where = $"{a.Format(Ranges[0].Lo)}..{a.Format(Ranges[0].Hi)} {a.Unit}";
        return measured.Length == 0 ? $"{Claim}: no point of {where} measured {Bound.Metric}."
            : measured.All(p => p.Status == PointStatus.Holds) ? $"{Claim} {Bound} holds at every point of {where}: no boundary in range."
            : measured.All(p => p.Status == PointStatus.Fails) ? $"{Claim} {Bound} fails at every point of {where}: no boundary in range."
            : $"{Claim} {Bound}: no point of {where} holds while others do not resolve (unresolved at the sample cap).";
    }
}

public static class BoundaryMap
{
    /// <summary>The bracket is narrowed to this fraction of the range (or to adjacent grid points, if those are wider).</summary>
    public const int Resolution = 16;

    /// <summary>Runs the claim with the knobs at <paramref name="at"/> and reads <paramref name="bound"/> off every case.</summary>
    public static MapPoint Point(IClaim claim, Bound bound, IReadOnlyList<Axis> axes, IReadOnlyList<double> at, RunContext ctx, bool bisection = false)
    {
        var knobs = new KnobValues(axes.Select((a, i) => (a.Name, at[i])).ToDictionary(p => p.Name, p => p.Item2));
        bool outside = axes.Select((a, i) => a.InDomain(at[i])).Any(inside => !inside);
        ClaimResult result;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try { result = claim.Run(ctx with { Knobs = knobs }); }
        catch (NoBoundAppliesException e)
        {
            return new MapPoint(at.ToArray(), PointStatus.NotMeasured, double.NaN, 0, double.NaN, null, null, outside, "notrun", e.Message,
                                clock.Elapsed.TotalSeconds, bisection);
        }
        string verdict = result.Verdict.ToString().ToLowerInvariant();
        int k = claim.Spec.Bounds.ToList().IndexOf(bound);
        var cases = result.CaseResults.Where(c => c.Bounds[k].Applicable).ToArray();
        if (cases.Length == 0)
            return new MapPoint(at.ToArray(), PointStatus.NotMeasured, double.NaN, 0, double.NaN, null, null, outside, verdict, result.Reason, result.Seconds, bisection);
        var worst = cases.OrderBy(c => Judge.Margin(c.Bounds[k])).ThenBy(c => c.Index).First();
        var status = cases.Any(c => Judge.ClearlyFails(bound, c.Bounds[k].Measured)) ? PointStatus.Fails
                   : cases.All(c => c.Bounds[k].Holds) ? PointStatus.Holds : PointStatus.Unresolved;
        var m = worst.Bounds[k];
        var control = worst.Control.Bounds.FirstOrDefault(b => ReferenceEquals(b.Bound, bound));
        return new MapPoint(at.ToArray(), status, m.Measured.Value, m.Measured.Se, m.Limit, control?.Measured.Value, control?.Measured.Se,
                            outside, verdict, result.Reason, result.Seconds, bisection);
    }

    /// <summary>K evenly spaced grid points of [lo, hi] (distinct after snapping to the axis's step).</summary>
    public static double[] Points(Axis axis, double lo, double hi, int k) =>
        Enumerable.Range(0, k).Select(i => axis.Snap(lo + i * (hi - lo) / (k - 1))).Distinct().ToArray();

    /// <param name="onPoint">Called after each point it measures (progress on long maps; the CLI saves the map so far).</param>
    /// <param name="done">Points an interrupted map of the same claim, bound, scale and seed already measured: a point at
    /// the same axis values is taken from here, not run again (`map --resume`). A point depends only on where it lies, so the
    /// map comes out as an uninterrupted one would.</param>
    public static MapResult Run(IClaim claim, Bound bound, IReadOnlyList<Axis> axes, IReadOnlyList<(double Lo, double Hi)> ranges, int k,
                                RunContext ctx, Action<MapPoint>? onPoint = null, IReadOnlyList<MapPoint>? done = null)
    {
        MapPoint Eval(double[] at, bool bisection = false)
        {
            if (done?.FirstOrDefault(m => m.At.Count == at.Length && m.At.Zip(at).All(z => Math.Abs(z.First - z.Second) < 1e-9)) is { } known)
                return known with { Bisection = bisection };
            var p = Point(claim, bound, axes, at, ctx, bisection);
            onPoint?.Invoke(p);
            return p;
        }
        if (axes.Count == 2)
        {
            var grid = (from x in Points(axes[0], ranges[0].Lo, ranges[0].Hi, k) from y in Points(axes[1], ranges[1].Lo, ranges[1].Hi, k)
                        select Eval(new[] { x, y })).ToList();
            return new MapResult(claim.Spec.Id, bound, axes, ranges, grid, null, false);
        }
        var axis = axes[0];
        var points = Points(axis, ranges[0].Lo, ranges[0].Hi, k).Select(x => Eval(new[] { x })).ToList();
        var measured = points.Where(p => p.Status != PointStatus.NotMeasured).ToArray();
        int changes = measured.Zip(measured.Skip(1)).Count(p => Holding(p.First) != Holding(p.Second));
        var pair = measured.Zip(measured.Skip(1)).FirstOrDefault(p => Holding(p.First) != Holding(p.Second));
        Bracket? bracket = null;
        if (pair != default)
        {
            var (hold, fail) = Holding(pair.First) ? (pair.First, pair.Second) : (pair.Second, pair.First);
            double width = (ranges[0].Hi - ranges[0].Lo) / Resolution;
            while (Math.Abs(fail.At[0] - hold.At[0]) > width + 1e-12 && Between(axis, hold.At[0], fail.At[0]) is { } mid)
            {
                var p = Eval(new[] { mid }, bisection: true);
                points.Add(p);
                if (Holding(p)) hold = p; else fail = p;
            }
            bracket = new Bracket(hold, fail);
        }
        return new MapResult(claim.Spec.Id, bound, axes, ranges, points.OrderBy(p => p.At[0]).ToArray(), bracket, changes > 1);
    }

    static bool Holding(MapPoint p) => p.Status == PointStatus.Holds;

    /// <summary>A grid point strictly between a and b, nearest their midpoint; null when they are adjacent.</summary>
    static double? Between(Axis axis, double a, double b)
    {
        double lo = Math.Min(a, b), hi = Math.Max(a, b), mid = axis.Snap((a + b) / 2);
        if (mid > lo + 1e-12 && mid < hi - 1e-12) return mid;
        foreach (var c in new[] { axis.Snap(lo + axis.Step), axis.Snap(hi - axis.Step) })
            if (c > lo + 1e-12 && c < hi - 1e-12) return c;
        return null;
    }
}
