// Known-prompt, learned-head formulas (P2 summary §4.4): the validation table's theory column, the Marchenko–Pastur
// closed form against a sampled Wishart matrix, limits, and one small simulation-vs-formula check.
using MathNet.Numerics.LinearAlgebra;
using TheoryCheck.Reference.Attention;

namespace TheoryCheck.Tests.Attention;

[Trait("Tier", "Fast")]
public sealed class KnownPromptTests
{
    // The §4.4 validation setting: d = 100, T = 20, ζ = 0.2, Q = 2, V = 1, σ = σ_δ = 1.
    static readonly ContextualMixtureConfig Table = new()
    {
        D = 100, T = 20, Zeta = 0.2, Q = 2, V = 1, Sigma = 1, SigmaDelta = 1, QOrthogonalNoise = true, BalancedLabels = true,
    };

    [Theory]
    [InlineData(0, 0.200, 0.0900)]
    [InlineData(1, 0.649, 0.1206)]
    [InlineData(3, 0.990, 0.2451)]
    public void AttendedMixtureMatchesValidationTable(double gamma, double a, double sigmaEff2)
    {
        var mix = AttendedMixture.From(Table with { Gamma = gamma });
        Assert.Equal(a, mix.A, 3);
        Assert.Equal(sigmaEff2, mix.SigmaEff2, 4);
        Assert.Equal(mix.A * Table.V, mix.M, 12);
        Assert.Equal(99, mix.NoiseDim);
    }

    [Theory]
    [InlineData(0, 200, 0.3622, 0.3723, double.NaN)]
    [InlineData(0, 2000, 0.2687, 0.2688, double.NaN)]
    [InlineData(1, 200, 0.0929, 0.1071, 0.0402)]
    [InlineData(1, 500, 0.0510, 0.0518, 0.0346)]
    [InlineData(3, 100, 0.1509, 0.4289, 0.0367)]
    [InlineData(3, 500, 0.0398, 0.0402, 0.0255)]
    public void ErrorFormulasReproduceValidationTable(double gamma, int n, double ridge, double ridgeless, double meanDiff)
    {
        var cfg = Table with { Gamma = gamma, N = n, Lambda = 1 };
        Assert.InRange(KnownPromptTheory.RidgeError(cfg) - ridge, -1e-3, 1e-3);
        Assert.InRange(KnownPromptTheory.RidgelessError(cfg) - ridgeless, -1e-3, 1e-3);
        if (!double.IsNaN(meanDiff)) Assert.InRange(KnownPromptTheory.MeanDifferenceError(cfg) - meanDiff, -1e-3, 1e-3);
    }

    [Fact]
    public void MarchenkoPasturClosedFormMatchesSampledWishart()
    {
        const int n = 400, dPrime = 200;
        const double s2 = 0.1, lambda = 1;
        var rng = new Random(11);
        var g = Matrix<double>.Build.Dense(n, dPrime, (_, _) => MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1));
        var bInv = (g.TransposeThisAndMultiply(g) * s2 + Matrix<double>.Build.DenseIdentity(dPrime) * lambda).Inverse();
        double tau1 = bInv.Trace() / dPrime, tau2 = (bInv * bInv).Trace() / dPrime;
        var (t1, t2) = KnownPromptTheory.RidgeTaus(s2, n, dPrime, lambda);
        Assert.InRange(t1 / tau1, 0.98, 1.02);
        Assert.InRange(t2 / tau2, 0.97, 1.03);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(300)]
    public void RidgeFactorInterpolatesBetweenRidgelessAndMeanDifference(int n)
    {
        var cfg = Table with { Gamma = 1, N = n };
        double ridgeless = KnownPromptTheory.RidgelessFactor(n, 99);
        Assert.Equal(ridgeless, KnownPromptTheory.RidgeFactor(cfg with { Lambda = 1e-9 }), 5);
        Assert.Equal(1.0, KnownPromptTheory.RidgeFactor(cfg with { Lambda = 1e9 }), 5);
        foreach (var lambda in new[] { 0.01, 0.1, 1, 10 })
            Assert.True(KnownPromptTheory.RidgeFactor(cfg with { Lambda = lambda }) <= 1 + 1e-12, "tau1^2 <= tau2 violated");
        Assert.Equal(0.5, KnownPromptTheory.RidgelessError(cfg with { N = 99, BalancedLabels = false }), 12);
    }

    [Fact]
    public void LimitErrorDecreasesWithPromptNormAndGainMatchesClosedForm()
    {
        double prev = 1;
        foreach (var gamma in new[] { 0, 0.25, 0.5, 1, 2, 3, 5 })
        {
            double err = KnownPromptTheory.LimitError(Table with { Gamma = gamma });
            Assert.True(err < prev, $"limit error {err} did not decrease at Gamma = {gamma}");
            prev = err;
        }
        double gain = KnownPromptTheory.Snr(Table with { Gamma = 1e3 }) / KnownPromptTheory.Snr(Table with { Gamma = 0 });
        Assert.Equal(KnownPromptTheory.ContextGain(Table), gain, 9);
        Assert.True(gain >= 1 / Math.Sqrt(Table.Zeta));
    }

    [Fact]
    public void FormulasRejectSettingsWithDataDependentWeights()
    {
        Assert.Throws<ArgumentException>(() => AttendedMixture.From(Table with { QOrthogonalNoise = false }));
        Assert.Throws<ArgumentException>(() => AttendedMixture.From(Table with { Family = DistractorFamily.Signed }));
    }

    [Fact]
    public void SimulatedHeadsMatchFormulasAtSmallSize()
    {
        // d = 40, n = 3d, Γ = 1, four training sets against one shared 4000-point test set (§6 items 13–14 bounds).
        var cfg = Table with { D = 40, T = 10, Gamma = 1, N = 120, Lambda = 1 };
        var rng = new Random(12);
        var inst = ContextualMixture.DrawInstance(cfg, rng);
        var p = inst.ContextPrompt(cfg.Gamma);
        var test = ContextualMixture.Sample(cfg, inst, 4000, rng);
        var hTest = EmpiricalHeads.AttendedFeatures(test, p);
        double ridge = 0, meanDiff = 0, condRidge = 0;
        const int reps = 4;
        var mix = AttendedMixture.From(cfg);
        for (int r = 0; r < reps; r++)
        {
            var train = ContextualMixture.Sample(cfg, inst, cfg.N, rng);
            var h = EmpiricalHeads.AttendedFeatures(train, p);
            var wRidge = EmpiricalHeads.Ridge(h, train.Y, cfg.Lambda);
            ridge += EmpiricalHeads.TestError(wRidge, hTest, test.Y) / reps;
            condRidge += KnownPromptTheory.ConditionalError(wRidge.ToArray(), mix, inst) / reps;
            meanDiff += EmpiricalHeads.TestError(EmpiricalHeads.MeanDifference(h, train.Y), hTest, test.Y) / reps;
        }
        Assert.InRange(ridge - KnownPromptTheory.RidgeError(cfg), -0.035, 0.035);
        Assert.InRange(meanDiff - KnownPromptTheory.MeanDifferenceError(cfg), -0.02, 0.02);
        Assert.InRange(ridge - condRidge, -0.02, 0.02); // the sampled test set agrees with the exact conditional error
    }

    [Fact]
    public void RidgelessHeadInterpolatesWhenUnderdetermined()
    {
        var cfg = Table with { D = 30, T = 10, Gamma = 1, N = 20 };
        var data = ContextualMixture.Sample(cfg, cfg.N, new Random(13));
        var h = EmpiricalHeads.AttendedFeatures(data, data.Instance.ContextPrompt(cfg.Gamma));
        var fit = h * EmpiricalHeads.Ridge(h, data.Y, 0);
        for (int i = 0; i < cfg.N; i++) Assert.Equal(data.Y[i], fit[i], 8);
    }
}
