// E1 (softmax PA selects the context on F-box) and E2 (linear models are blind on F-matched) from P2 summary
// §4.2 / §6 items 4–7: exact, noiseless statements checked on random instances.
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TheoryCheck.Reference.Attention;
using static TheoryCheck.Tests.Attention.TestVectors;

namespace TheoryCheck.Tests.Attention;

[Trait("Tier", "Fast")]
public sealed class ExpressivityProperties
{
    const int Samples = 100;

    [Property(MaxTest = 40)]
    public Property SoftmaxPromptSelectsContextAboveCriticalNorm() =>
        Prop.ForAll(AttentionArbitraries.Box(), c =>
        {
            var data = ContextualMixture.Sample(c.Config, Samples, new Random(c.Seed));
            double gamma = 1.05 * Math.Max(ExpressivityTheory.CriticalPromptNorm(c.Config), 0.1);
            double bound = ExpressivityTheory.RelevantMassLowerBound(c.Config with { Gamma = gamma });
            var p = data.Instance.ContextPrompt(gamma);
            for (int i = 0; i < data.Count; i++)
            {
                double a = PromptAttention.RelevantMass(data.X[i], data.Relevant[i], p);
                Assert.True(a >= bound - 1e-12, $"sample {i}: relevant mass {a} < bound {bound}");
                double margin = data.Y[i] * PromptAttention.Forward(data.X[i], p, data.VStar);
                Assert.True(margin >= ExpressivityTheory.MarginLowerBound(a, 1, c.Config.BoxBound) - 1e-12, $"sample {i}: margin {margin}");
                Assert.True(margin > 0, $"sample {i} misclassified at Gamma = {gamma}: margin {margin}");
            }
        });

    [Property(MaxTest = 40)]
    public Property RelevantMassIsMonotoneInPromptNorm() =>
        Prop.ForAll(AttentionArbitraries.Box(), c =>
        {
            var data = ContextualMixture.Sample(c.Config, 50, new Random(c.Seed));
            double[] grid = [0, 0.5, 1, 2, 4, 8];
            for (int i = 0; i < data.Count; i++)
            {
                double prev = 0;
                foreach (var g in grid)
                {
                    double a = PromptAttention.RelevantMass(data.X[i], data.Relevant[i], data.Instance.ContextPrompt(g));
                    Assert.True(a >= prev - 1e-12, $"sample {i}: mass fell to {a} from {prev} at Gamma = {g}");
                    prev = a;
                }
            }
        });

    [Property(MaxTest = 40)]
    public Property MatchedDistractorsMakeMomentsLabelBlind() =>
        Prop.ForAll(AttentionArbitraries.Matched(), c =>
        {
            var cfg = c.Config;
            var inst = ContextualMixture.DrawInstance(cfg, new Random(c.Seed));
            var rng = new Random(c.Seed + 1);
            var p = Gaussian(cfg.D, rng);
            var v = Gaussian(cfg.D, rng);
            var w = RandomMatrix(cfg.D, rng, 1);
            for (int i = 0; i < 8; i++)
            {
                // Same seed, opposite labels: identical positions and distractor types (the mirrored twin).
                var (xp, _) = ContextualMixture.SampleSequence(cfg, inst, +1, new Random(c.Seed * 31 + i));
                var (xm, _) = ContextualMixture.SampleSequence(cfg, inst, -1, new Random(c.Seed * 31 + i));
                Assert.True(MaxAbsDiff(FirstMoment(xp), FirstMoment(xm)) <= 1e-9, "S1 depends on the label");
                Assert.True(MaxAbsDiff(Flatten(SecondMoment(xp)), Flatten(SecondMoment(xm))) <= 1e-9, "S2 depends on the label");
                double lpa = PromptAttention.LinearPromptAttention(xp, p, v, w), lpaM = PromptAttention.LinearPromptAttention(xm, p, v, w);
                Assert.True(Math.Abs(lpa - lpaM) <= 1e-9 * Math.Max(1, Math.Abs(lpa)), $"f_LPA {lpa} vs mirror {lpaM}");
                double lin = PromptAttention.Linear(xp, v), linM = PromptAttention.Linear(xm, v);
                Assert.True(Math.Abs(lin - linM) <= 1e-9 * Math.Max(1, Math.Abs(lin)), $"f_lin {lin} vs mirror {linM}");
            }
        });

    [Property(MaxTest = 40)]
    public Property SoftmaxPromptMarginOnMatchedEqualsFormula() =>
        Prop.ForAll(AttentionArbitraries.Matched(), c =>
        {
            var data = ContextualMixture.Sample(c.Config, 50, new Random(c.Seed));
            double expected = ExpressivityTheory.MatchedMargin(c.Config);
            var p = data.Instance.ContextPrompt(c.Config.Gamma);
            Assert.True(expected > 0, $"formula margin {expected} not positive");
            for (int i = 0; i < data.Count; i++)
            {
                double margin = data.Y[i] * PromptAttention.Forward(data.X[i], p, data.VStar);
                Assert.True(Math.Abs(margin - expected) <= 1e-9, $"sample {i}: margin {margin} vs formula {expected}");
            }
        });

    [Fact]
    public void MatchedMarginReferenceValue()
    {
        // P2 summary §4.2: ζ = 0.2, α = ½, Q = 2, V = 1, Γ = 1 → 0.1991 (simulated minimum 0.19915).
        Assert.Equal(0.19915, ExpressivityTheory.MatchedMargin(0.2, 0.5, 2, 1, 1), 5);
        var g = 2.0;
        Assert.Equal(Math.Exp(g) - 2 * Math.Exp(g / 2) + 1, ExpressivityTheory.MatchedG(g, 0.5), 12);
    }

    [Fact]
    public void MatchedMarginTendsToVSquaredWithoutOverflow()
    {
        Assert.Equal(4.0, ExpressivityTheory.MatchedMargin(0.2, 0.5, 2, 2, 1e4), 9);
    }

    static double[] FirstMoment(double[][] x) =>
        Enumerable.Range(0, x[0].Length).Select(j => x.Sum(t => t[j])).ToArray();

    static double[][] SecondMoment(double[][] x) =>
        Enumerable.Range(0, x[0].Length).Select(i => Enumerable.Range(0, x[0].Length).Select(j => x.Sum(t => t[i] * t[j])).ToArray()).ToArray();

    static double MaxAbsDiff(double[] a, double[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
}
