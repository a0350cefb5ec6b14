// map.json and map.csv: a boundary map as data (manifest, claim, bound, axes, every point, the bracket), so that a report,
// a snapshot table or another tool reads the map without re-running it.
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using TheoryCheck.Claims.Maps;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Cli.Reporting;

namespace TheoryCheck.Cli.Maps;

public static class MapJson
{
    static readonly JsonSerializerOptions Options = JsonFile.SnakeCase;

    /// <param name="DomainLo">Where the claim's statement is declared to hold along this axis (null: everywhere).</param>
    public sealed record AxisDto(string Name, string Unit, string Description, double Lo, double Hi, double Step, double? DomainLo, double? DomainHi);

    /// <param name="Status">holds, fails, unresolved or not measured.</param>
    public sealed record PointDto(IReadOnlyList<double> At, string Status, double Measured, double Se, double Limit, double? Control, double? ControlSe,
                                  bool OutsideDomain, string Verdict, string Reason, double Seconds, bool Bisection);

    public sealed record BracketDto(PointDto Holding, PointDto Failing, double Width);

    public sealed record Document(Manifest Manifest, string Claim, string Bound, string Op, double Value, IReadOnlyList<AxisDto> Axes,
                                  IReadOnlyList<PointDto> Points, BracketDto? Bracket, bool NonMonotone, string Summary, int Resolution);

    public static string StatusText(PointStatus s) => s == PointStatus.NotMeasured ? "not measured" : s.ToString().ToLowerInvariant();

    /// <summary>A saved point as the map measured it (`map --resume`).</summary>
    /// <exception cref="InvalidDataException">An unknown status.</exception>
    public static MapPoint ToPoint(PointDto p) => new(p.At,
        Enum.GetValues<PointStatus>().Cast<PointStatus?>().FirstOrDefault(s => StatusText(s!.Value) == p.Status) ?? throw new InvalidDataException($"unknown point status '{p.Status}'"),
        p.Measured, p.Se, p.Limit, p.Control, p.ControlSe, p.OutsideDomain, p.Verdict, p.Reason, p.Seconds, p.Bisection);

    static PointDto Point(MapPoint p) => new(p.At, StatusText(p.Status), p.Measured, p.Se, p.Limit, p.Control, p.ControlSe, p.OutsideDomain,
                                             p.Verdict, p.Reason, Math.Round(p.Seconds, 1), p.Bisection);

    public static Document Of(Manifest manifest, MapResult map) => new(
        manifest, map.Claim, map.Bound.Metric, map.Bound.OpSymbol, map.Bound.Value,
        map.Axes.Select((a, i) => new AxisDto(a.Name, a.Unit, a.Description, map.Ranges[i].Lo, map.Ranges[i].Hi, a.Step, a.Domain?.Lo, a.Domain?.Hi)).ToArray(),
        map.Points.Select(Point).ToArray(),
        map.Bracket is { } b ? new BracketDto(Point(b.Holding), Point(b.Failing), b.Width) : null,
        map.NonMonotone, map.Summary(), BoundaryMap.Resolution);

    public static string Write(string directory, Document doc, string file = "map.json") =>
        AtomicFile.WriteText(Path.Combine(directory, file), JsonSerializer.Serialize(doc, Options));

    /// <exception cref="InvalidDataException">Not a map.json of this tool.</exception>
    public static Document Read(string path)
    {
        var doc = JsonFile.Read<Document>(path, Options);
        if (doc?.Manifest?.Tool != Manifest.ToolName || doc.Points is null || doc.Axes is null)
            throw new InvalidDataException($"{path} is not a TheoryCheck map.json");
        return doc;
    }

    /// <summary>One row per point: the axis values, then status, measured, SE, limit, control, control SE, outside domain, bisection.</summary>
    public static string Csv(Document doc)
    {
        var sb = new StringBuilder(string.Join(",", doc.Axes.Select(a => a.Name)) + ",status,measured,se,limit,control,control_se,outside_domain,bisection\n");
        foreach (var p in doc.Points)
            sb.Append(string.Join(",", p.At.Select(x => x.ToString("R", CultureInfo.InvariantCulture))))
              .Append(string.Create(CultureInfo.InvariantCulture, $",{p.Status},{p.Measured:R},{p.Se:R},{p.Limit:R},{p.Control?.ToString("R", CultureInfo.InvariantCulture) ?? ""},{p.ControlSe?.ToString("R", CultureInfo.InvariantCulture) ?? ""},{(p.OutsideDomain ? 1 : 0)},{(p.Bisection ? 1 : 0)}\n"));
        return sb.ToString();
    }
}
