// The immutable record of a claim (conventions C3): identity, source, statement, bounds, control, scale presets, and the
// file that defines it (so the README index and `theorycheck list` point a reader straight at the code).
using System.Runtime.CompilerServices;

namespace TheoryCheck.Claims.Core;

/// <summary>Whether the paper's claim is expected to hold at our scales, or has bounds declared to miss (a finding).</summary>
public enum ClaimStatus { Expected, Finding }

/// <summary>What each scale preset means for this claim, in words (sizes, steps, cases).</summary>
public sealed record ScalePresets(string Smoke, string Ci, string Paper)
{
    public string For(Scale s) => s.Pick(Smoke, Ci, Paper);
}

/// <param name="Id">Stable id: MB-n, PT-n, PA-n.</param>
/// <param name="Paper">"P1" or "P2".</param>
/// <param name="Source">Paper section/figure, or "exact math".</param>
/// <param name="Family">Claim family key, e.g. "MB".</param>
/// <param name="Control">The negative control: what is run instead, and that it must fail the same bounds.</param>
/// <param name="Evidence">For a finding (a bound declared with <see cref="Bound.Missing"/>): the measured evidence, in words with numbers.</param>
/// <param name="Fast">True for claims that need no training: their spec runs in the Fast tier (the spec trait is read from here).</param>
/// <param name="EveryBoundControlled">The per-bound control rule: the claim passes only if, for every bound its control
/// measures, that control fails clearly. Off, a control failing clearly on any one bound suffices, and a bound whose own
/// control holds is only reported ("control holds"); the power issue's near-miss controls switch it on claim by claim.</param>
/// <param name="TransformerInExtendedTier">For a claim measured on both networks: the default `dotnet test` checks it on the
/// LSTM, and the Extended tier (THEORYCHECK_EXTENDED=1) on the Transformer. The CLI always runs both unless --arch says
/// otherwise. Why: the ci Transformer's tuning runs are three quarters of the suite's compute (docs/performance.md, *Suite times*).</param>
/// <param name="ControlChoice">Why <paramref name="Control"/> is the nearest near miss that can be built per case, where a
/// nearer one exists in the power catalogue (the report prints it beside the controls; docs/power.md#controls-per-bound).</param>
/// <param name="DefinedIn">Filled by the compiler with the path of the file that constructs the spec; never pass it.</param>
public sealed record ClaimSpec(
    string Id, string Paper, string Source, string Family, string Statement,
    IReadOnlyList<Bound> Bounds, string Control, ScalePresets Presets,
    string? Evidence = null, bool Fast = false, bool EveryBoundControlled = false, bool TransformerInExtendedTier = false,
    string? ControlChoice = null, [CallerFilePath] string DefinedIn = "")
{
    /// <summary>A finding exactly when some bound is declared to miss; which ones is part of the definition.</summary>
    public ClaimStatus Status => Bounds.Any(b => b.Declared) ? ClaimStatus.Finding : ClaimStatus.Expected;

    /// <summary>The defining file relative to the repository root, e.g. "src/TheoryCheck.Claims/PromptTuning/SoftBeatsHard.cs".</summary>
    public string DefinitionFile
    {
        get
        {
            string path = DefinedIn.Replace('\\', '/');
            int at = path.LastIndexOf("/src/", StringComparison.Ordinal);
            return at >= 0 ? path[(at + 1)..] : path;
        }
    }

    public override string ToString() => $"{Id} ({Paper} {Source}): {Statement}";
}
