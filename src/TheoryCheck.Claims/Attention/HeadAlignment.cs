// PA-10: cos(v₁, v̂) after one GD step matches [1 + (d−1)(σ² + (1−ζ)σ_δ²)/(nTζ²)]^{−1/2} within 0.05.
// One of PA-9 … PA-12, what gradient descent learns (p2 §4.3; generators and early steps in GradientDynamics.cs). Claim tier.
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Reference.Attention;
using TheoryCheck.Torch.Training;
using static TheoryCheck.Claims.Attention.AttentionSetup;
using static TheoryCheck.Reference.Attention.Vec;

namespace TheoryCheck.Claims.Attention;

/// <summary>PA-10: cos(v₁, v̂) after one GD step matches [1 + (d−1)(σ² + (1−ζ)σ_δ²)/(nTζ²)]^{−1/2} within 0.05.</summary>
public sealed class HeadAlignment : Claim<MixtureCase>
{
    public static readonly HeadAlignment Claim = new();

    public override ClaimSpec Spec { get; } = new("PA-10", "P2", "§4.3 (head alignment, mean-difference estimator), §6.10", "PA",
        "F-gauss, n ∈ [300, 3000]: cos(v₁, v̂) after one GD step of the TorchSharp PA model, averaged over 10 training sets (up to 80 while the interval straddles the bound), is within 0.05 of [1 + (d−1)(σ² + (1−ζ)σ_δ²)/(nTζ²V²)]^{−1/2}.",
        new[] { Bound.AtMost("abs_cos_minus_formula", 0.05, "derived in the paper's setting (p2 §4.3); calibration: deviations ≤ 0.004 (p2 §6.10)") },
        "the same step trained on shuffled labels must fail (no label signal: cos ≈ 0)",
        new ScalePresets("1 case × 3 training sets", "2 cases × 10–80 training sets", "6 cases × 10–80 training sets"), EveryBoundControlled: true,
        ControlChoice: "both catalogued near misses survive as declared power findings: 10 % flipped labels move cos(v₁, v̂) by 0.010 and the dropped (1 − ζ) the formula by 0.006, under the truth's own deviation (up to 0.033 over seeds 1-10), so no one-term error tried can be separated at ci; shuffled labels remove the label signal");

    public override int CaseCount(Scale scale) => scale.Pick(1, 2, 6);

    public override Gen<MixtureCase> Cases(Scale scale) => CasesOf(GradientDynamics.EarlyConfigs(Gen.Choose(300, 3000)));

    public override IReadOnlyList<Maps.Axis> Axes { get; } = new[] { AttentionAxes.N(double.NaN, (300, 3000)), AttentionAxes.Zeta(null) };

    public override CaseOutcome Evaluate(MixtureCase mc, RunContext ctx)
    {
        mc = AttentionAxes.Apply(mc, ctx);
        var c = mc.Config;
        int draws = ctx.Scale.Pick(3, 10, 10);
        var mutation = AttentionSetup.Mutation(ctx);
        double formula = mutation.HeadAlignment(c);
        var rng = new Random(mc.Seed);
        var shuffled = new List<double>();
        // Training sets come from one stream in order, so a larger sample extends the first one: while the interval straddles
        // the bound, draw more sets (up to 8×), as the known-prompt claims do. The shuffled-label control rides along.
        IReadOnlyList<double> Sets(int offset, int count)
        {
            var real = new double[count];
            for (int k = 0; k < count; k++)
            {
                int r = offset + k;
                var data = ContextualMixture.Sample(c, c.N, new Random(rng.Next()));
                real[k] = Cos(GradientDynamics.EarlySteps(data.X, mutation.TrainingLabels(data.Y, mc.Seed + r), 1, c.Eta, MarginLoss.Logistic).V, data.Instance.VHat) - formula;
                shuffled.Add(Cos(GradientDynamics.EarlySteps(data.X, Shuffle(data.Y, rng), 1, c.Eta, MarginLoss.Logistic).V, data.Instance.VHat) - formula);
            }
            return real;
        }
        var measured = Sequential.Measure(Sets, v => Abs(Measurement.MeanOf(v, "training sets")), Spec.Bounds[0].Value, draws, 8 * draws);
        return new CaseOutcome(mc.ToString() + FormattableString.Invariant($" formula {formula:0.###}"),
            new[] { measured }, new Measurement?[] { Abs(Measurement.MeanOf(shuffled, "training sets")) });
    }
}
