// power.json: the manifest, one truth row per claim (runs at K seeds, the false-fail rate and its Clopper–Pearson upper
// limit), one row per mutant with its status on every selected claim, and the score. The shape is the README's (Power).
using System.Text.Json;
using System.Text.Json.Serialization;
using TheoryCheck.Claims.Power;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Cli.Reporting;

namespace TheoryCheck.Cli.Power;

public static class PowerJson
{
    static readonly JsonSerializerOptions Options = JsonFile.SnakeCase;

    /// <param name="Bounds">Each bound's worst case of this run (nearest its bound): the truth's spread across seeds, which
    /// is where a bound is placed from (docs/power.md).</param>
    public sealed record TruthRun(int Seed, string Verdict, bool Passed, string Reason, IReadOnlyList<BoundValue>? Bounds = null);

    /// <param name="Bound">"metric op value".</param>
    public sealed record BoundValue(string Bound, double Measured, double Se, double Limit, bool Holds);

    /// <param name="FalseFailRate">Failed runs / runs.</param>
    /// <param name="FalseFailUpper95">Its one-sided 95 % Clopper–Pearson upper limit (0 of 10 → 0.259).</param>
    public sealed record TruthRow(string Claim, int Runs, int Passed, double FalseFailRate, double FalseFailUpper95,
                                  IReadOnlyList<TruthRun> Seeds);

    /// <param name="Status">"killed", "survived", "n.a." or "error" (the claim threw under the mutant: a catalogue defect,
    /// counted as not killed); <paramref name="Reason"/> says why (the deciding bound, why n.a., or the exception).</param>
    /// <param name="Measured">The deciding bound's value (the most violated one, or for a survivor the closest to killing).</param>
    /// <param name="DeclaredSurvivor">Why the catalogue expects this claim not to kill the mutant (a power finding), or null.</param>
    /// <param name="Detects">For a killed mutant with a knob that needs no training: the weakest strength the claim still kills.</param>
    public sealed record MutantResult(string Claim, string Status, string Reason, double? Measured = null, double? Se = null,
                                      double? Limit = null, string? Bound = null, string? DeclaredSurvivor = null, Detection? Detects = null);

    /// <summary>The minimal detectable effect along <paramref name="Knob"/>: killed at <paramref name="Killed"/>, survived at
    /// <paramref name="Survived"/> (bisected to 1/16 of the range from the real thing, <paramref name="Identity"/>).</summary>
    public sealed record Detection(string Knob, double Identity, double Killed, double Survived);

    public sealed record MutantRow(string Id, string Family, string Description, string? Strength, IReadOnlyList<MutantResult> Results);

    public sealed record Score(int Killed, int Total, int TruthRuns, int TruthPassed);

    public sealed record Document(Manifest Manifest, int Seeds, IReadOnlyList<TruthRow> Truth, IReadOnlyList<MutantRow> Mutants, Score Score)
    {
        public static Document Of(Manifest manifest, int seeds, IReadOnlyList<TruthRow> truth, IReadOnlyList<MutantRow> mutants)
        {
            var applicable = mutants.SelectMany(m => m.Results).Where(r => r.Status != StatusText(MutantStatus.NotApplicable)).ToArray();
            return new(manifest, seeds, truth, mutants,
                new Score(applicable.Count(r => r.Status == StatusText(MutantStatus.Killed)), applicable.Length,
                          truth.Sum(t => t.Runs), truth.Sum(t => t.Passed)));
        }
    }

    public static string StatusText(MutantStatus s) => s switch
    {
        MutantStatus.Killed => "killed",
        MutantStatus.Survived => "survived",
        _ => "n.a.",
    };

    public static string Write(string directory, Document doc) =>
        AtomicFile.WriteText(Path.Combine(directory, "power.json"), JsonSerializer.Serialize(doc, Options));

    /// <exception cref="InvalidDataException">Not a power.json of this tool.</exception>
    public static Document Read(string path)
    {
        var doc = JsonFile.Read<Document>(path, Options);
        if (doc?.Manifest?.Tool != Manifest.ToolName || doc.Truth is null || doc.Mutants is null)
            throw new InvalidDataException($"{path} is not a TheoryCheck power.json");
        return doc;
    }
}
