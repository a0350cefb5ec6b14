// A mutant: a named near miss that stands where the thing a claim tests would be (a predictor, a network, a tuner, a formula
// or data). Installed in the RunContext, it is read at the one place where the family's setup hands out the tested thing;
// the cases, the bounds and the control stay as they are. `theorycheck power` runs each mutant through the claims it applies
// to and counts those a bound rejects (docs/power.md).
using TheoryCheck.Claims.Core;

namespace TheoryCheck.Claims.Power;

/// <param name="Id">Stable id, e.g. "mb-prior-sym".</param>
/// <param name="Family">The claim family whose setup reads it ("MB"): it never applies to another family.</param>
/// <param name="Strength">The fixed strength of its knob in words (e.g. "ε = 0.2"), or null where it has none.</param>
/// <param name="NotApplicable">Claim id → why the mutant does not apply there, declared in advance (never from a result).</param>
public abstract record Mutant(string Id, string Family, string Description, string? Strength,
                              IReadOnlyDictionary<string, string> NotApplicable)
{
    /// <summary>Claim id → why the claim cannot kill this mutant at our scale: a power finding, declared from the measured ci
    /// matrix (docs/power.md) and shown as such. One that is killed after all is reported, so the declaration gets updated.</summary>
    public IReadOnlyDictionary<string, string> Survives { get; init; } = new Dictionary<string, string>();

    /// <summary>Why this mutant does not apply to <paramref name="spec"/>, or null when it does.</summary>
    public string? WhyNotApplicable(ClaimSpec spec) =>
        spec.Family != Family ? $"a {Family} mutant; {spec.Id} is in {spec.Family}"
        : NotApplicable.TryGetValue(spec.Id, out var why) ? why : null;

    /// <summary>The same, for a run in <paramref name="ctx"/>: a mutant of something the run leaves out (the Transformer's LoRA
    /// under --arch lstm) does not apply there.</summary>
    public virtual string? WhyNotApplicable(ClaimSpec spec, RunContext ctx) => WhyNotApplicable(spec);

    /// <summary>The same reason for several claims: the building block of a catalogue's <see cref="NotApplicable"/> maps.</summary>
    public static IReadOnlyDictionary<string, string> NotApplicableTo(string reason, params string[] ids) => ids.ToDictionary(id => id, _ => reason);

    /// <summary>Several such maps as one (claim ids must not repeat).</summary>
    public static IReadOnlyDictionary<string, string> Join(params IReadOnlyDictionary<string, string>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(kv => kv.Key, kv => kv.Value);

    public override string ToString() => Strength is null ? $"{Id}: {Description}" : $"{Id}: {Description} ({Strength})";
}
