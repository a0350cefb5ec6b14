// The graded (1−ζ) and n ↔ d mutants that `power` bisects: at strength 0 they are the reference formulas exactly, at the
// catalogued strength 1 the fully wrong ones, so a bisected "killed from" is a distance from the real thing.
using TheoryCheck.Claims;
using TheoryCheck.Claims.Attention;
using TheoryCheck.Claims.Power;
using TheoryCheck.Reference.Attention;

namespace TheoryCheck.Tests.Core;

[Trait("Tier", "Fast")]
public sealed class GradedFormulaMutantTests
{
    static readonly ContextualMixtureConfig C = new() { D = 30, T = 20, Zeta = 0.2, Q = 2, V = 1, Sigma = 1, SigmaDelta = 1, N = 300, Gamma = 1.5, Alpha = 0.6 };

    static AttentionMutant At(string id, double s) =>
        (AttentionMutant)((IGradedMutant)Catalog.Mutants.Single(m => m.Id == id)).At(s);

    [Fact]
    public void DroppedOneMinusZetaIsTheReferenceAtZeroAndDropsTheFactorAtOne()
    {
        var real = At("pa-no-1-zeta", 0);
        Assert.Equal(GradientDescentTheory.HeadAlignment(C), real.HeadAlignment(C), 15);
        Assert.Equal(ExpressivityTheory.MatchedMargin(C), real.MatchedMargin(C), 15);
        Assert.Equal(ExpressivityTheory.RelevantMassLowerBound(C.Zeta, C.Gamma, 0.3, C.Q), real.RelevantMassLowerBound(C.Zeta, C.Gamma, 0.3, C.Q), 15);
        Assert.Equal(1 - C.Zeta, real.OneMinusZeta(C.Zeta), 15);
        var dropped = At("pa-no-1-zeta", 1);
        Assert.Equal(1, dropped.OneMinusZeta(C.Zeta));
        double expected = 1 / Math.Sqrt(1 + (C.D - 1) * 2.0 / (C.N * C.T * C.Zeta * C.Zeta));   // σ² + σ_δ² in place of σ² + (1−ζ)σ_δ²
        Assert.Equal(expected, dropped.HeadAlignment(C), 15);
        Assert.NotEqual(real.MatchedMargin(C), dropped.MatchedMargin(C));
    }

    [Fact]
    public void SwappedNdIsTheConfigAtZeroAndSwapsAtOne()
    {
        Assert.Equal((C.N, C.D), (At("pa-formula-n-d", 0).KnownPromptFormulaConfig(C).N, At("pa-formula-n-d", 0).KnownPromptFormulaConfig(C).D));
        var swapped = At("pa-formula-n-d", 1).KnownPromptFormulaConfig(C);
        Assert.Equal((C.D, C.N), (swapped.N, swapped.D));
        var half = At("pa-formula-n-d", 0.5).KnownPromptFormulaConfig(C);
        Assert.Equal((165, 165), (half.N, half.D));
    }
}
