// PA-5: on F-box every sequence's relevant mass is non-decreasing along Γ ∈ {0, 0.5, 1, 2, 4, 8}.
// One of PA-4 … PA-7, the exact expressivity statements of p2 §4.2 on noiseless data (generators in Expressivity.cs). Fast tier.
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Reference.Attention;
using TheoryCheck.Torch.Models.Attention;
using static TheoryCheck.Claims.Attention.AttentionSetup;
using static TheoryCheck.Reference.Attention.Vec;

namespace TheoryCheck.Claims.Attention;

/// <summary>PA-5: on F-box every sequence's relevant mass is non-decreasing along Γ ∈ {0, 0.5, 1, 2, 4, 8}.</summary>
public sealed class MonotoneSelection : Claim<MixtureCase>
{
    public static readonly MonotoneSelection Claim = new();
    static readonly double[] Grid = { 0, 0.5, 1, 2, 4, 8 };

    public override ClaimSpec Spec { get; } = new("PA-5", "P2", "§4.2 E1 (a(Γ) non-decreasing), §6.5", "PA",
        "On noiseless F-box data with p = Γq̂, every sequence's relevant attention mass is non-decreasing along Γ ∈ {0, 0.5, 1, 2, 4, 8}: max decrease ≤ 1e-12.",
        new[] { Bound.AtMost("max_mass_decrease", 1e-12, "derived in the paper's setting (p2 §4.2): every irrelevant score is below every relevant score; 1e-12 rounding allowance") },
        "the same sequences with one distractor replaced by a token outside F-box (δᵀq̂ = 1.5Q, above the relevant score) must fail",
        new ScalePresets("3 cases × 300 sequences", "8 cases × 500 sequences", "30 cases × 2,000 sequences"), Fast: true, EveryBoundControlled: true);

    public override int CaseCount(Scale scale) => scale.Pick(3, 8, 30);

    public override Gen<MixtureCase> Cases(Scale scale) => CasesOf(Expressivity.BoxConfigs(scale.Pick(300, 500, 2000)));

    public override IEnumerable<MixtureCase> Shrink(MixtureCase failing) => failing.ShrinkSequences();

    public override CaseOutcome Evaluate(MixtureCase mc, RunContext ctx)
    {
        var data = ContextualMixture.Sample(mc.Config, mc.Config.N, new Random(mc.Seed));
        var x = data.X.Select((s, i) =>
        {
            var copy = s.Select(t => (double[])t.Clone()).ToArray();
            int slot = Array.FindIndex(data.Relevant[i], r => !r);
            if (slot >= 0) copy[slot] = Scaled(data.Instance.QHat, 1.5 * mc.Config.Q);
            return copy;
        }).ToArray();
        double Decrease(MixtureDataset ds)
        {
            var masses = Grid.Select(g =>
            {
                using var pa = Expressivity.Oracle(AttentionArchitecture.PromptAttention, ds.Instance, g);
                return RelevantMass(pa, ds);
            }).ToArray();
            double worst = double.NegativeInfinity;
            for (int k = 0; k + 1 < Grid.Length; k++)
                for (int i = 0; i < ds.Count; i++) worst = Math.Max(worst, masses[k][i] - masses[k + 1][i]);
            return worst;
        }
        return new CaseOutcome(mc.ToString(), new[] { Measurement.Exact(Decrease(data)) },
                               new Measurement?[] { Measurement.Exact(Decrease(data with { X = x })) });
    }
}
