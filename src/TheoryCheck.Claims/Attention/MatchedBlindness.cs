// PA-6 (E2): on noiseless F-matched, S₁ = Σx_t and S₂ = Σx_tx_tᵀ, hence f_LPA and f_lin, are label-blind.
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

/// <summary>PA-6 (E2): on noiseless F-matched, S₁ = Σx_t and S₂ = Σx_tx_tᵀ, hence f_LPA and f_lin, are label-blind.</summary>
public sealed class MatchedBlindness : Claim<MixtureCase>
{
    public static readonly MatchedBlindness Claim = new();

    public override ClaimSpec Spec { get; } = new("PA-6", "P2", "§2.4, §4.2 E2 (LPA/linear blind on F-matched), §6.6", "PA",
        "On noiseless F-matched data (ζ = 0.2, T ∈ {10, 20}, α ∈ [0.3, 0.8]), every sequence and its label-mirrored twin have equal S₁ and S₂, and the TorchSharp LPA (random p, v, W) and linear models give them equal outputs: max gap ≤ 1e-9.",
        new[] { Bound.AtMost("max_mirror_gap", 1e-9, "derived in the paper's setting (p2 §4.2 E2): exact cancellation by construction; 1e-9 is p2 §6.6's tolerance") },
        "the same mirror check on F-gauss data (σ = 0, σ_δ = 1), where LPA is not blind, must fail",
        new ScalePresets("3 cases × 100 pairs", "10 cases × 200 pairs", "30 cases × 1,000 pairs"), Fast: true, EveryBoundControlled: true);

    public override int CaseCount(Scale scale) => scale.Pick(3, 10, 30);

    public override Gen<MixtureCase> Cases(Scale scale) => CasesOf(Expressivity.MatchedConfigs(scale.Pick(100, 200, 1000)));

    public override IEnumerable<MixtureCase> Shrink(MixtureCase failing) => failing.ShrinkSequences();

    public override CaseOutcome Evaluate(MixtureCase mc, RunContext ctx)
    {
        var c = mc.Config;
        var gauss = c with { Family = DistractorFamily.Gauss, SigmaDelta = 1 };
        return new CaseOutcome(mc.ToString(), new[] { Measurement.Exact(MirrorGap(c, mc.Seed)) },
                               new Measurement?[] { Measurement.Exact(MirrorGap(gauss, mc.Seed)) });
    }

    /// <summary>Max over n twin pairs of |ΔS₁|, |ΔS₂| (entrywise) and |Δf| for LPA (random p, v, W) and linear (random v).</summary>
    static double MirrorGap(ContextualMixtureConfig c, int seed)
    {
        var rng = new Random(seed);
        var inst = ContextualMixture.DrawInstance(c, rng);
        var plus = new double[c.N][][]; var minus = new double[c.N][][];
        for (int i = 0; i < c.N; i++)
        {
            int s = rng.Next();
            plus[i] = ContextualMixture.SampleSequence(c, inst, 1, new Random(s)).Tokens;     // same draws, opposite label
            minus[i] = ContextualMixture.SampleSequence(c, inst, -1, new Random(s)).Tokens;
        }
        double gap = 0;
        for (int i = 0; i < c.N; i++)
            for (int a = 0; a < c.D; a++)
            {
                gap = Math.Max(gap, Math.Abs(plus[i].Sum(t => t[a]) - minus[i].Sum(t => t[a])));
                for (int b = 0; b < c.D; b++)
                    gap = Math.Max(gap, Math.Abs(plus[i].Sum(t => t[a] * t[b]) - minus[i].Sum(t => t[a] * t[b])));
            }
        using var lpa = new AttentionClassifier(AttentionArchitecture.LinearPromptAttention, c.D);
        lpa.Set("prompt", Gaussian(c.D, rng)); lpa.Set("head", Gaussian(c.D, rng));
        lpa.Set("key_query", Gaussian(c.D * c.D, rng));
        using var lin = new AttentionClassifier(AttentionArchitecture.Uniform, c.D);
        lin.Set("head", Gaussian(c.D, rng));
        foreach (var m in new[] { lpa, lin })
        {
            var fp = m.Predict(plus); var fm = m.Predict(minus);
            gap = Math.Max(gap, fp.Select((f, i) => Math.Abs(f - fm[i])).Max());
        }
        return gap;
    }
}
