// results.json: the manifest plus every claim's bounds, measurements, uncertainty and control (field names fixed by issue 2/8).
using System.Text.Json;
using System.Text.Json.Serialization;
using TheoryCheck.Claims.Core;

namespace TheoryCheck.Claims.Reporting;

public static class ResultsJson
{
    static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public sealed record BoundDto(string Metric, string Op, double Value, double Measured, double Se, double Limit,
                                  int Samples, string Method, bool Holds, string? Source);
    public sealed record ControlDto(string Description, string Status, IReadOnlyList<BoundDto> Bounds);
    public sealed record ClaimDto(string Id, string Paper, string Family, string Source, string Statement, string Verdict,
                                  string Reason, string Case, int Cases, double Seconds, string? Evidence,
                                  IReadOnlyList<BoundDto> Bounds, ControlDto Control);
    public sealed record Document(Manifest Manifest, IReadOnlyList<ClaimDto> Claims);

    public static Document Build(Manifest manifest, IEnumerable<ClaimResult> results) =>
        new(manifest, results.Select(ToDto).ToArray());

    static ClaimDto ToDto(ClaimResult r) => new(
        r.Spec.Id, r.Spec.Paper, r.Spec.Family, r.Spec.Source, r.Spec.Statement, r.Verdict.ToString().ToLowerInvariant(),
        r.Reason, r.Case, r.Cases, Math.Round(r.Seconds, 3), r.Spec.Evidence,
        r.Bounds.Select(b => Bound(b, withSource: true)).ToArray(),
        new ControlDto(r.Control.Description, r.Control.Status.ToString().ToLowerInvariant(),
                       r.Control.Bounds.Select(b => Bound(b, withSource: false)).ToArray()));

    static BoundDto Bound(BoundResult b, bool withSource) => new(
        b.Bound.Metric, b.Bound.OpSymbol, b.Bound.Value, b.Measured.Value, b.Measured.Se, b.Limit, b.Measured.Samples,
        b.Measured.Method, b.Holds, withSource ? b.Bound.Source : null);

    /// <summary>Writes DIR/results.json atomically (temp file, then rename).</summary>
    public static string Write(string directory, Document doc)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, "results.json"), tmp = path + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(doc, Options));
        File.Move(tmp, path, overwrite: true);
        return path;
    }

    public static Document Read(string path) =>
        JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Options)
        ?? throw new InvalidDataException($"{path} is not a TheoryCheck results.json");
}
