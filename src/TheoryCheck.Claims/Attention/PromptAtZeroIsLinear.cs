// PA-1: f_PA(X; p = 0, v) = vᵀx̄ (the uniform-attention linear model), |diff| ≤ 1e-10.
// One of PA-1 … PA-3, exact identities of the TorchSharp attention models against the doubles oracle (p2 §2.2–2.5). Fast tier.
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Reference.Attention;
using TheoryCheck.Torch.Models.Attention;
using static TheoryCheck.Claims.Attention.AttentionSetup;
using static TheoryCheck.Reference.Attention.Vec;

namespace TheoryCheck.Claims.Attention;

/// <summary>PA-1: f_PA(X; p = 0, v) = vᵀx̄ (the uniform-attention linear model), |diff| ≤ 1e-10.</summary>
public sealed class PromptAtZeroIsLinear : Claim<TokenCase>
{
    public static readonly PromptAtZeroIsLinear Claim = new();
    const int Sequences = 8;

    public override ClaimSpec Spec { get; } = new("PA-1", "P2", "§2.3 (identity f_PA(X; 0, v) = f_lin), §6.1", "PA",
        "The TorchSharp PA model with p = 0 equals vᵀx̄ computed by the doubles oracle: max |diff| ≤ 1e-10 for any d ∈ [2,64], T ∈ [1,50], random X, v.",
        new[] { Bound.AtMost("max_abs_diff", 1e-10, "derived in the paper's setting (p2 §2.3): softmax(0) is uniform; 1e-10 is p2 §6.1's tolerance, ~1e5× float64 rounding at these sizes") },
        "the same comparison with a random non-zero prompt p ~ N(0, I) must fail (T = 1 cases skip it: one token gets all the weight for every p)",
        new ScalePresets("4 cases × 8 sequences", "12 cases × 8 sequences", "40 cases × 8 sequences"), Fast: true, EveryBoundControlled: true);

    public override int CaseCount(Scale scale) => scale.Pick(4, 12, 40);

    public override Gen<TokenCase> Cases(Scale scale) =>
        from t in Gen.Choose(1, 50) from d in Gen.Choose(2, 64) from s in Seed select new TokenCase(s, t, d);

    public override IEnumerable<TokenCase> Shrink(TokenCase failing) => failing.Shrink(minT: 1, minD: 2);

    public override CaseOutcome Evaluate(TokenCase c, RunContext ctx)
    {
        var rng = new Random(c.Seed);
        var x = c.Draw(Sequences, rng);
        var v = Gaussian(c.D, rng);
        var p = Gaussian(c.D, rng);
        var oracle = x.Select(s => PromptAttention.Linear(s, v)).ToArray();
        double Gap(double[] prompt)
        {
            using var pa = new AttentionClassifier(AttentionArchitecture.PromptAttention, c.D);
            pa.Set("prompt", prompt);
            pa.Set("head", v);
            return pa.Predict(x).Select((f, i) => Math.Abs(f - oracle[i])).Max();
        }
        var measured = Measurement.Exact(Gap(new double[c.D]));
        Measurement? control = c.T == 1 ? null : Measurement.Exact(Gap(p));
        return new CaseOutcome(c.ToString(), new[] { measured }, new[] { control });
    }
}
