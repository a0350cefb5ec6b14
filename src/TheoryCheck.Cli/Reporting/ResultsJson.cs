// results.json: the manifest plus every claim's bounds, measurements, uncertainty and control, for the reported case and for
// every drawn case. The schema is documented in the README (Reading results.json); later fields extend it, never redefine it.
using System.Text.Json;
using System.Text.Json.Serialization;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Cli.Reporting;

public static class ResultsJson
{
    static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>One bound as measured in one case. The same fields everywhere a bound appears (a claim's worst case, each case,
    /// a minimal counterexample). <c>declared</c> is "miss" (or "miss (borderline)") for a bound the claim declares to miss.</summary>
    /// <param name="Control">The negative control's measurement of this bound in this case, when the control exercises it.</param>
    /// <param name="Uncontrolled">Why no control measures this bound here (then <paramref name="Control"/> is null).</param>
    public sealed record BoundDto(string Metric, string Op, double Value, double Measured, double Se, double Limit,
                                  int Samples, string Method, bool Holds, string? Source, string? Declared = null,
                                  BoundControlDto? Control = null, string? Uncontrolled = null);
    /// <param name="Fails">The control's limit is clearly on the wrong side of the bound, as a near miss must be.</param>
    /// <param name="Status">"fails"; "control holds" (the near miss passes this bound: the bound does not tell them apart); or
    /// "weak" (it violates the bound within noise).</param>
    public sealed record BoundControlDto(string Description, double Measured, double Se, double Limit, bool Fails, string? Status = null);
    /// <param name="Choice">Why this control and not a nearer near miss (<see cref="ClaimSpec.ControlChoice"/>).</param>
    public sealed record ControlDto(string Description, string Status, IReadOnlyList<BoundDto> Bounds, string? Choice = null);
    /// <param name="Index">Place in the claim's case stream (CaseStream.Draw at the manifest's scale and seed).</param>
    public sealed record CaseDto(int Index, string Case, string Verdict, string Reason, IReadOnlyList<BoundDto> Bounds);
    /// <param name="From">The failing case shrinking started from (the reported case).</param>
    public sealed record ShrunkDto(string From, string Minimal, int Steps, IReadOnlyList<BoundDto> Bounds);
    /// <param name="Case">The reported (worst) case: the first failing case, else the smallest margin, ties by index.</param>
    /// <param name="CaseCount">How many cases were drawn; <paramref name="Cases"/> lists each one.</param>
    public sealed record ClaimDto(string Id, string Paper, string Family, string Source, string Statement, string Verdict,
                                  string Reason, string Case, int CaseCount, double Seconds, string? Evidence,
                                  IReadOnlyList<BoundDto> Bounds, ControlDto Control, ulong CaseSeed = 0, string? Preset = null,
                                  IReadOnlyList<CaseDto>? Cases = null, ShrunkDto? Shrunk = null);
    /// <param name="Tables">Result tables this run built, saved as DIR/tables/NAME.md.</param>
    public sealed record Document(Manifest Manifest, IReadOnlyList<ClaimDto> Claims, IReadOnlyList<string>? Tables = null);

    /// <summary>One claim's record, with the seed its cases were drawn from and its scale preset (its full config in words).</summary>
    public static ClaimDto ToDto(ClaimResult r, Scale scale) => new(
        r.Spec.Id, r.Spec.Paper, r.Spec.Family, r.Spec.Source, r.Spec.Statement, r.Verdict.ToString().ToLowerInvariant(),
        r.Reason, r.Case, r.Cases, Math.Round(r.Seconds, 3), r.Spec.Evidence,
        Bounds(r.Bounds, r.Control),
        new ControlDto(r.Control.Description, r.Control.Status.ToString().ToLowerInvariant(),
                       r.Control.Bounds.Select(b => Bound(b, null)).ToArray(), r.Spec.ControlChoice),
        r.CaseSeed, r.Spec.Presets.For(scale),
        r.CaseResults.Select(c => new CaseDto(c.Index, c.Case, c.Verdict.ToString().ToLowerInvariant(), c.Reason, Bounds(c.Bounds, c.Control))).ToArray(),
        r.Shrunk is { } s ? new ShrunkDto(r.Case, s.Minimal.Case, s.Steps, Bounds(s.Minimal.Bounds, s.Minimal.Control)) : null);

    static BoundDto[] Bounds(IReadOnlyList<BoundResult> bounds, ControlResult control) =>
        bounds.Select(b => Bound(b, control.Bounds.FirstOrDefault(c => ReferenceEquals(c.Bound, b.Bound)), control.Description)).ToArray();

    static BoundDto Bound(BoundResult b, BoundResult? control, string? controlDescription = null) => new(
        b.Bound.Metric, b.Bound.OpSymbol, b.Bound.Value, b.Measured.Value, b.Measured.Se, b.Limit, b.Measured.Samples,
        b.Measured.Method, b.Holds, b.Bound.Source,
        Declared: b.Bound.Declared ? (Judge.Borderline(b) ? "miss (borderline)" : "miss") : null,
        Control: control is null || controlDescription is null ? null
            : new BoundControlDto(controlDescription, control.Measured.Value, control.Measured.Se, control.Limit,
                                  Judge.ClearlyFails(b.Bound, control.Measured), ControlStatusText(b.Bound, control)),
        Uncontrolled: control is null && controlDescription is not null && b.Applicable
            ? b.Bound.UncontrolledReason ?? "the claim's control does not measure this bound in this case" : null);

    static string ControlStatusText(Bound bound, BoundResult control) => Judge.ControlStatusOf(bound, control.Measured) switch
    {
        ControlStatus.Fails => "fails",
        ControlStatus.Holds => "control holds",
        _ => "weak",
    };

    /// <summary>Writes DIR/<paramref name="file"/> atomically (temp file, then rename).</summary>
    public static string Write(string directory, Document doc, string file = "results.json") =>
        AtomicFile.WriteText(Path.Combine(directory, file), JsonSerializer.Serialize(doc, Options));

    /// <summary>Reads a results.json written by this tool.</summary>
    /// <exception cref="InvalidDataException">Unreadable, not JSON, or JSON of another tool; the message is one line.</exception>
    public static Document Read(string path)
    {
        var doc = JsonFile.Read<Document>(path, Options);
        if (doc?.Manifest?.Tool != Manifest.ToolName || doc.Claims is null || doc.Claims.Any(c => c?.Id is null || c.Bounds is null))
            throw new InvalidDataException($"{path} is not a TheoryCheck results.json (no theorycheck manifest and claims)");
        return doc;
    }
}
