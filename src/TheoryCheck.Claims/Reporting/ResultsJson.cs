// results.json: the manifest plus every claim's bounds, measurements, uncertainty and control (field names fixed by issue 2/8).
using System.Text.Json;
using System.Text.Json.Serialization;
using TheoryCheck.Claims.Core;
using TheoryCheck.Reference;

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
                                  IReadOnlyList<BoundDto> Bounds, ControlDto Control, ulong CaseSeed = 0, string? Preset = null);
    /// <param name="Tables">Result tables this run built, saved as DIR/tables/NAME.md.</param>
    public sealed record Document(Manifest Manifest, IReadOnlyList<ClaimDto> Claims, IReadOnlyList<string>? Tables = null);

    public static Document Build(Manifest manifest, IEnumerable<ClaimResult> results) =>
        new(manifest, results.Select(r => ToDto(r, Scales.Parse(manifest.Scale), manifest.Seed)).ToArray());

    /// <summary>One claim's record, with the seed its cases were drawn from and its scale preset (its full config in words).</summary>
    public static ClaimDto ToDto(ClaimResult r, Scale scale, int seed) => new(
        r.Spec.Id, r.Spec.Paper, r.Spec.Family, r.Spec.Source, r.Spec.Statement, r.Verdict.ToString().ToLowerInvariant(),
        r.Reason, r.Case, r.Cases, Math.Round(r.Seconds, 3), r.Spec.Evidence,
        r.Bounds.Select(b => Bound(b, withSource: true)).ToArray(),
        new ControlDto(r.Control.Description, r.Control.Status.ToString().ToLowerInvariant(),
                       r.Control.Bounds.Select(b => Bound(b, withSource: false)).ToArray()),
        (ulong)SeedPlan.From(seed, Claim<int>.StableHash(r.Spec.Id)).Data, r.Spec.Presets.For(scale));

    static BoundDto Bound(BoundResult b, bool withSource) => new(
        b.Bound.Metric, b.Bound.OpSymbol, b.Bound.Value, b.Measured.Value, b.Measured.Se, b.Limit, b.Measured.Samples,
        b.Measured.Method, b.Holds, withSource ? b.Bound.Source : null);

    /// <summary>Writes DIR/<paramref name="file"/> atomically (temp file, then rename).</summary>
    public static string Write(string directory, Document doc, string file = "results.json") =>
        AtomicFile.WriteText(Path.Combine(directory, file), JsonSerializer.Serialize(doc, Options));

    /// <summary>Reads a results.json written by this tool.</summary>
    /// <exception cref="InvalidDataException">Unreadable, not JSON, or JSON of another tool; the message is one line.</exception>
    public static Document Read(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        { throw new InvalidDataException($"cannot read {path}: {e.Message}"); }
        Document? doc;
        try { doc = JsonSerializer.Deserialize<Document>(text, Options); }
        catch (JsonException e) { throw new InvalidDataException($"{path} is not valid JSON ({e.Message.Split('\n')[0]})"); }
        if (doc?.Manifest?.Tool != Manifest.ToolName || doc.Claims is null || doc.Claims.Any(c => c?.Id is null || c.Bounds is null))
            throw new InvalidDataException($"{path} is not a TheoryCheck results.json (no theorycheck manifest and claims)");
        return doc;
    }
}
