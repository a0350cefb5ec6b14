// The four reference maps at ci (docs/maps.md), each gated as a snapshot table (snapshots/Maps.*.verified.md, the Maps tier,
// PNGs under docs/maps/): the grid points with their status and value, then the bracket's two ends. The bracket's axis
// values are gated with a tolerance of one bisection step (1/16 of the range); the values with 0.25 relative + 4·SE.
using System.Globalization;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Torch.Models;

namespace TheoryCheck.Claims.Maps;

/// <param name="Decimals">Digits of the value columns (KL per step needs 6).</param>
/// <param name="Arch">The PT network the map runs on (null: the claim's own choice of networks).</param>
public sealed record ReferenceMap(string Name, string Claim, string Axis, double Lo, double Hi, int Points, int Decimals, Architecture? Arch = null)
{
    public static readonly IReadOnlyList<ReferenceMap> All = new ReferenceMap[]
    {
        new("Maps.MB-1.steps", "MB-1", "steps", 100, 2500, 5, 6),
        new("Maps.PT-3.L", "PT-3", "L", 1, 12, 5, 4, Architecture.Lstm),
        new("Maps.PT-5.separation", "PT-5", "separation", 0.05, 0.6, 5, 4, Architecture.Lstm),
        new("Maps.PA-12.zeta", "PA-12", "zeta", 0.02, 0.4, 5, 4),
    };

    public IClaim ClaimOf() => Catalog.Select(new[] { Claim }).Single();

    public Axis AxisOf() => ClaimOf().Axes.Single(a => a.Name == Axis);

    /// <summary>The map a reference is drawn from: the claim's first bound that is not a declared miss, at seed 1.</summary>
    public MapResult Run(RunContext ctx)
    {
        var claim = ClaimOf();
        var bound = claim.Spec.Bounds.First(b => !b.Declared);
        return BoundaryMap.Run(claim, bound, new[] { AxisOf() }, new[] { (Lo, Hi) }, Points, ctx with { Arch = Arch ?? ctx.Arch });
    }

    /// <summary>True when a map was run the way this reference is (same claim, axis, range and points).</summary>
    public bool Matches(string claim, string axis, double lo, double hi, int points) =>
        claim == Claim && axis == Axis && lo == Lo && hi == Hi && points == Points;

    /// <summary>The snapshot table of a map run as this reference is (<see cref="Run"/>, or `map` with the same arguments).</summary>
    public ResultTable Table(MapResult map, Scale scale)
    {
        string bound = map.Bound.Metric, op = map.Bound.OpSymbol;
        double value = map.Bound.Value;
        var (points, bracket) = (map.Points, map.Bracket);
        var axis = AxisOf();
        string x = Axis;
        int xDecimals = axis.Step >= 1 ? 0 : 2;
        double step = (Hi - Lo) / BoundaryMap.Resolution;
        var tolerance = new Tolerance(Math.Pow(10, -Decimals), 0.25, 4);
        var t = new ResultTable(Name, $"Map of {Claim}: {bound} {op} {value.ToString("G4", CultureInfo.InvariantCulture)} along {Axis} {axis.Format(Lo)}..{axis.Format(Hi)} {axis.Unit}",
            new[] { "point", x, "status", bound, "95 % limit" },
            new[]
            {
                $"{scale.Name()} scale, seed 1{(Arch is { } a ? $", {a.ToString().ToLowerInvariant()} only" : "")}; {Points} grid points, then the bisection to 1/{BoundaryMap.Resolution} of the range (`theorycheck map {Claim} --axis {Axis}={axis.Format(Lo)}..{axis.Format(Hi)} --points {Points}{(Arch is { } b ? $" --arch {b.ToString().ToLowerInvariant()}" : "")}`)",
                "why these tolerances: the bracket moves by one bisection step between equally valid runs; values by their own noise",
            },
            new Dictionary<string, Tolerance> { [x] = new(step), [bound] = tolerance, ["95 % limit"] = tolerance });
        foreach (var p in points.Where(p => !p.Bisection).OrderBy(p => p.At[0]))
            t.Add("grid", new Cell(p.At[0], null, xDecimals), Status(p), new Cell(p.Measured, p.Se, Decimals), new Cell(p.Limit, null, Decimals));
        if (bracket is { } br)
        {
            // Each end's status is only which side it is on: an end near the bound may resolve either way between runs.
            t.Add("bracket", new Cell(br.Holding.At[0], null, xDecimals), "holds", new Cell(br.Holding.Measured, br.Holding.Se, Decimals), new Cell(br.Holding.Limit, null, Decimals));
            t.Add("bracket", new Cell(br.Failing.At[0], null, xDecimals), "does not hold", new Cell(br.Failing.Measured, br.Failing.Se, Decimals), new Cell(br.Failing.Limit, null, Decimals));
        }
        return t;
    }

    static string Status(MapPoint p) => (p.Status == PointStatus.NotMeasured ? "not measured" : p.Status.ToString().ToLowerInvariant()) + (p.OutsideDomain ? " (outside domain)" : "");
}
