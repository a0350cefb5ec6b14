// The double-precision GD trainer and the two-step predictions of P2 summary §4.3 (v₁ → ηcζv⋆,
// p₂ → η²c²ζ²(1−ζ)V²q⋆, head alignment). Fixed seeds; sizes chosen so the whole class runs in about a second.
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TheoryCheck.Reference.Attention;
using static TheoryCheck.Tests.Attention.TestVectors;

namespace TheoryCheck.Tests.Attention;

[Trait("Tier", "Fast")]
public sealed class GradientDescentTests
{
    static readonly ContextualMixtureConfig Gauss = new() { D = 20, T = 20, Zeta = 0.2, Q = 2, V = 1, Sigma = 1, SigmaDelta = 1, Eta = 1 };

    [Fact]
    public void LogisticLossIsStableAndMatchesNaiveFormWhereThatIsSafe()
    {
        foreach (var z in new[] { -30.0, -2, -0.1, 0, 0.3, 5, 30 })
        {
            Assert.Equal(Math.Log(1 + Math.Exp(-z)), GradientDescent.Logistic(z), 12);
            Assert.Equal(-1 / (1 + Math.Exp(z)), GradientDescent.LogisticDerivative(z), 12);
        }
        Assert.Equal(1000, GradientDescent.Logistic(-1000), 9);
        Assert.Equal(0, GradientDescent.Logistic(1000), 12);
        Assert.Equal(-1, GradientDescent.LogisticDerivative(-1000), 12);
    }

    [Property(MaxTest = 20)]
    public Property RiskGradientMatchesFiniteDifferences() =>
        Prop.ForAll(Arb.From(AttentionArbitraries.Seeds), seed =>
        {
            var data = ContextualMixture.Sample(Gauss with { D = 6, T = 10 }, 15, new Random(seed));
            var rng = new Random(seed + 1);
            var state = new PromptAttentionState(Scale(Gaussian(6, rng), 0.5), Gaussian(6, rng));
            foreach (var kind in new[] { LossKind.Logistic, LossKind.Squared })
            {
                var (_, gp, gv) = GradientDescent.PromptAttentionRisk(data.X, data.Y, state, kind);
                var np = NumericGradient(p => GradientDescent.PromptAttentionRisk(data.X, data.Y, state with { P = p }, kind).Loss, state.P);
                var nv = NumericGradient(v => GradientDescent.PromptAttentionRisk(data.X, data.Y, state with { V = v }, kind).Loss, state.V);
                Assert.True(RelErr(gp, np) < 1e-5, $"{kind} dL/dp rel err {RelErr(gp, np)}");
                Assert.True(RelErr(gv, nv) < 1e-5, $"{kind} dL/dv rel err {RelErr(gv, nv)}");
            }
        });

    [Theory]
    [InlineData(LossKind.Logistic, 0.5)]
    [InlineData(LossKind.Squared, 1.0)]
    public void FirstStepFromZeroIsMeanDifferenceHeadAndLeavesPromptAtZero(LossKind kind, double c)
    {
        var data = ContextualMixture.Sample(Gauss with { D = 8, T = 10 }, 50, new Random(21));
        var zero = new PromptAttentionState(new double[8], new double[8]);
        var s1 = GradientDescent.StepPromptAttention(data.X, data.Y, zero, 0.7, kind);
        Assert.All(s1.P, x => Assert.Equal(0.0, x));
        var expected = new double[8];
        for (int i = 0; i < data.Count; i++)
            for (int j = 0; j < 8; j++) expected[j] += 0.7 * c * data.Y[i] * data.X[i].Average(t => t[j]) / data.Count;
        Assert.True(RelErr(s1.V, expected) < 1e-12);
        Assert.Equal(c, GradientDescentTheory.LossConstant(kind));
        var lin = GradientDescent.TrainLinear(data.X, data.Y, new double[8], 0.7, 1, kind);
        Assert.True(RelErr(lin, expected) < 1e-12);
    }

    [Fact]
    public void TwoStepGradientDescentMatchesPopulationPrediction()
    {
        // §6 item 9 bounds at a smaller n (8 seeds at this size gave ratios 0.96–1.02, cos ≥ 0.99): F-gauss, logistic,
        // η = 1: v₁·v̂ within 8% of ζ/2, p₂·q̂ within 10% of ζ²(1−ζ)Q/4, cos(p₂, q̂) ≥ 0.95.
        var cfg = Gauss with { D = 10, Zeta = 0.2 };
        var data = ContextualMixture.Sample(cfg, 5000, new Random(22));
        var inst = data.Instance;
        var s1 = GradientDescent.StepPromptAttention(data.X, data.Y, new PromptAttentionState(new double[10], new double[10]), cfg.Eta);
        var s2 = GradientDescent.StepPromptAttention(data.X, data.Y, s1, cfg.Eta);
        double v1 = Dot(s1.V, inst.VHat), v1Th = Dot(GradientDescentTheory.HeadAfterStepOne(cfg, inst, LossKind.Logistic), inst.VHat);
        double p2 = Dot(s2.P, inst.QHat), p2Th = Dot(GradientDescentTheory.PromptAfterStepTwo(cfg, inst, LossKind.Logistic), inst.QHat);
        Assert.Equal(0.1, v1Th, 12);
        Assert.Equal(0.016, p2Th, 12);
        Assert.InRange(v1 / v1Th, 0.92, 1.08);
        Assert.InRange(p2 / p2Th, 0.90, 1.10);
        Assert.True(Cos(s2.P, inst.QHat) >= 0.95, $"cos(p2, q) = {Cos(s2.P, inst.QHat)}");
    }

    [Fact]
    public void HeadAlignmentMatchesClosedForm()
    {
        // §6 item 10: mean over draws of cos(v₁, v̂) within 0.05 of [1 + (d−1)(σ² + (1−ζ)σ_δ²)/(nTζ²V²)]^{−1/2}.
        // One draw's cosine has sd ≈ 0.1 here (the noise along v̂ moves the signal), so average many small draws.
        var cfg = Gauss with { D = 20, T = 10, Zeta = 0.2, N = 100 };
        double mean = 0;
        const int draws = 24;
        for (int r = 0; r < draws; r++)
        {
            var data = ContextualMixture.Sample(cfg, cfg.N, new Random(100 + r));
            var s1 = GradientDescent.StepPromptAttention(data.X, data.Y, new PromptAttentionState(new double[20], new double[20]), 1);
            mean += Cos(s1.V, data.Instance.VHat) / draws;
        }
        Assert.InRange(mean - GradientDescentTheory.HeadAlignment(cfg), -0.05, 0.05);
    }

    [Fact]
    public void TrainedPromptAttentionBeatsUniformAttention()
    {
        // A reduced §6 item 12 (10 seeds at this size: gap ≥ 0.24, cos ≥ 0.955): the trainer must find q̂ and beat f_lin.
        var cfg = Gauss with { D = 10, T = 10, Zeta = 0.2, Q = 3, Sigma = 0.5 };
        var rng = new Random(23);
        var inst = ContextualMixture.DrawInstance(cfg, rng);
        var train = ContextualMixture.Sample(cfg, inst, 300, rng);
        var test = ContextualMixture.Sample(cfg, inst, 2000, rng);
        var zero = new PromptAttentionState(new double[10], new double[10]);
        var pa = GradientDescent.TrainPromptAttention(train.X, train.Y, zero, 1, 100);
        var lin = GradientDescent.TrainLinear(train.X, train.Y, new double[10], 1, 100);
        double accPa = GradientDescent.Accuracy(test.X, test.Y, x => PromptAttention.Forward(x, pa.P, pa.V));
        double accLin = GradientDescent.Accuracy(test.X, test.Y, x => PromptAttention.Linear(x, lin));
        Assert.True(accPa - accLin >= 0.10, $"PA {accPa:F3} vs linear {accLin:F3}");
        Assert.True(Cos(pa.P, inst.QHat) >= 0.8, $"cos(p, q) = {Cos(pa.P, inst.QHat):F3}");
    }
}
