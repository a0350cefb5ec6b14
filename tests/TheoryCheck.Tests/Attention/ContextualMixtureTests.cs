// Config validation and sampler structure for P2's contextual mixture model (summary §3): every rule that
// Validate() enforces, and the generator's exact invariants (counts, directions, family constraints).
using TheoryCheck.Reference.Attention;
using static TheoryCheck.Tests.Attention.TestVectors;

namespace TheoryCheck.Tests.Attention;

[Trait("Tier", "Fast")]
public sealed class ContextualMixtureTests
{
    static readonly ContextualMixtureConfig Base = new() { D = 8, T = 10, Zeta = 0.2 };

    [Theory]
    [InlineData("d", "d must be >= 2")]
    [InlineData("zetaT", "zeta*T must be an integer >= 1")]
    [InlineData("zetaSmall", "zeta*T must be an integer >= 1")]
    [InlineData("zetaRange", "zeta must lie in (0, 1]")]
    [InlineData("sigma", "sigma must be >= 0")]
    [InlineData("Q", "Q must be > 0")]
    [InlineData("nan", "V must be finite")]
    [InlineData("boxNoise", "F-box is noiseless")]
    [InlineData("boxMargin", "margin gamma must lie in (0, 1]")]
    [InlineData("matchedHalf", "(1-zeta)*T/2 to be an integer")]
    [InlineData("matchedAlpha", "alpha in (0, 1)")]
    [InlineData("balancedOdd", "balanced labels need an even n")]
    [InlineData("eta", "eta must be > 0")]
    [InlineData("lambda", "lambda must be >= 0")]
    public void ValidateRejectsInvalidCombinations(string rule, string fragment)
    {
        var cfg = rule switch
        {
            "d" => Base with { D = 1 },
            "zetaT" => Base with { T = 10, Zeta = 0.15 },
            "zetaSmall" => Base with { T = 4, Zeta = 0.2 },
            "zetaRange" => Base with { Zeta = 1.5 },
            "sigma" => Base with { Sigma = -0.1 },
            "Q" => Base with { Q = 0 },
            "nan" => Base with { V = double.NaN },
            "boxNoise" => Base with { Family = DistractorFamily.Box, Sigma = 0.5 },
            "boxMargin" => Base with { Family = DistractorFamily.Box, Sigma = 0, BoxMargin = 1.5 },
            "matchedHalf" => Base with { Family = DistractorFamily.Matched, T = 10, Zeta = 0.3 },
            "matchedAlpha" => Base with { Family = DistractorFamily.Matched, Alpha = 1 },
            "balancedOdd" => Base with { BalancedLabels = true, N = 7 },
            "eta" => Base with { Eta = 0 },
            "lambda" => Base with { Lambda = -1 },
            _ => throw new ArgumentException(rule),
        };
        var ex = Assert.Throws<ArgumentException>(() => cfg.Validate());
        Assert.Contains(fragment, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void ValidateAcceptsEveryFamilyWithConsistentParameters()
    {
        Base.Validate();
        (Base with { Family = DistractorFamily.Box, Sigma = 0 }).Validate();
        (Base with { Family = DistractorFamily.Matched }).Validate();
        (Base with { Family = DistractorFamily.Signed, BalancedLabels = true, N = 10 }).Validate();
        Assert.Equal(2, Base.RelevantCount);
        Assert.Equal(8, Base.IrrelevantCount);
    }

    [Fact]
    public void RandomOrthogonalIsOrthogonalAndInstanceDirectionsAreOrthonormal()
    {
        var o = ContextualMixture.RandomOrthogonal(7, new Random(1));
        Assert.True((o.TransposeThisAndMultiply(o) - MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(7)).InfinityNorm() < 1e-12);
        var inst = ContextualMixture.DrawInstance(Base with { Q = 3, V = 0.5 }, new Random(2));
        Assert.Equal(1, Norm(inst.QHat), 12);
        Assert.Equal(1, Norm(inst.VHat), 12);
        Assert.Equal(0, Dot(inst.QHat, inst.VHat), 12);
        Assert.Equal(3, Norm(inst.QStar), 12);
        Assert.Equal(0.5, Norm(inst.VStar), 12);
    }

    [Fact]
    public void RelevantTokensCarryContextAndLabelWithExactCount()
    {
        var cfg = Base with { Sigma = 0, T = 20, Zeta = 0.25 };
        var data = ContextualMixture.Sample(cfg, 50, new Random(3));
        for (int i = 0; i < data.Count; i++)
        {
            Assert.Equal(5, data.Relevant[i].Count(r => r));
            for (int t = 0; t < cfg.T; t++)
            {
                if (!data.Relevant[i][t]) continue;
                var expected = data.QStar.Zip(data.VStar, (q, v) => q + data.Y[i] * v).ToArray();
                Assert.True(Norm(Sub(data.X[i][t], expected)) < 1e-12);
            }
        }
    }

    [Fact]
    public void BalancedLabelsAreExactlyHalfAndHalf()
    {
        var data = ContextualMixture.Sample(Base with { BalancedLabels = true }, 40, new Random(4));
        Assert.Equal(20, data.Y.Count(y => y == 1));
        Assert.All(data.Y, y => Assert.True(y == 1 || y == -1));
    }

    [Fact]
    public void BoxDistractorsRespectTheBox()
    {
        var cfg = Base with { Family = DistractorFamily.Box, Sigma = 0, Q = 2, BoxMargin = 0.3, BoxBound = 1.5, T = 20 };
        var data = ContextualMixture.Sample(cfg, 100, new Random(5));
        var inst = data.Instance;
        for (int i = 0; i < data.Count; i++)
            for (int t = 0; t < cfg.T; t++)
            {
                if (data.Relevant[i][t]) continue;
                Assert.True(Dot(data.X[i][t], inst.QHat) <= (1 - 0.3) * 2 + 1e-12);
                Assert.True(Math.Abs(Dot(data.X[i][t], inst.VHat)) <= 1.5 + 1e-12);
            }
    }

    [Fact]
    public void QOrthogonalGaussAttentionWeightsAreDeterministic()
    {
        // §4.4: with noise and distractors ⊥ q⋆, s_t = e/D on R and 1/D elsewhere, whatever the noise draw.
        var cfg = Base with { D = 12, T = 20, QOrthogonalNoise = true, Gamma = 0.7, Q = 1.5, SigmaDelta = 2 };
        var mix = AttendedMixture.From(cfg);
        var data = ContextualMixture.Sample(cfg, 30, new Random(6));
        var p = data.Instance.ContextPrompt(cfg.Gamma);
        for (int i = 0; i < data.Count; i++)
        {
            var s = PromptAttention.AttentionWeights(data.X[i], p);
            for (int t = 0; t < cfg.T; t++)
                Assert.Equal(data.Relevant[i][t] ? mix.RelevantWeight : mix.IrrelevantWeight, s[t], 12);
            Assert.Equal(mix.A, PromptAttention.RelevantMass(s, data.Relevant[i]), 12);
        }
    }

    [Fact]
    public void SignedDistractorsAreSignedCopiesOfOneDirection()
    {
        var cfg = Base with { Family = DistractorFamily.Signed, Sigma = 0, Alpha = 0.5, Beta = 1.5 };
        var data = ContextualMixture.Sample(cfg, 20, new Random(7));
        for (int i = 0; i < data.Count; i++)
        {
            var dir = data.QStar.Zip(data.VStar, (q, v) => 0.5 * q + data.Y[i] * 1.5 * v).ToArray();
            for (int t = 0; t < cfg.T; t++)
                if (!data.Relevant[i][t])
                    Assert.True(Math.Min(Norm(Sub(data.X[i][t], dir)), Norm(Sub(data.X[i][t], Scale(dir, -1)))) < 1e-12);
        }
    }

    [Fact]
    public void SamplingIsReproducibleFromTheSeed()
    {
        var a = ContextualMixture.Sample(Base, 5, new Random(8));
        var b = ContextualMixture.Sample(Base, 5, new Random(8));
        Assert.Equal(a.Y, b.Y);
        Assert.Equal(a.X[4][9], b.X[4][9]);
    }
}
