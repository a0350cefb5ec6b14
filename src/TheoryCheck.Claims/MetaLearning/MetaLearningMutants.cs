// The MB family's mutant catalogue: near misses of a meta-trained Bayes predictor, each standing where the network would
// (MetaLearningSetup.Subject). Strengths are fixed here; which claims a mutant cannot be told apart by, and why, is said
// in advance. docs/power.md has the matrix `theorycheck power MB` measures.
using System.Globalization;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Power;
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch.Models;

namespace TheoryCheck.Claims.MetaLearning;

/// <summary>An MB mutant: what stands where the network of <paramref name="arch"/> meta-trained on a prior would be.</summary>
public abstract record MetaLearningMutant(string Id, string Description, string? Strength, IReadOnlyDictionary<string, string> NotApplicable)
    : Mutant(Id, MetaLearningFamily.Key, Description, Strength, NotApplicable)
{
    public abstract CoinSubject Stand(Architecture arch, TaskDistribution prior, RunContext ctx);
}

public static class MetaLearningMutants
{
    /// <summary>MB-0 and MB-6 check the exact reference itself; no network is read, so nothing stands in for one.</summary>
    const string ReferenceOnly = "checks the exact reference math, which reads no network";

    /// <summary>Bayes of any prior predicts from the counts alone, so it is exactly exchangeable (MB-4 is about order, not prior).</summary>
    const string Exchangeable = "a function of the counts alone, so exactly exchangeable: MB-4 tests order, not the prior";

    static readonly IReadOnlyDictionary<string, string> ReferenceClaims = Mutant.NotApplicableTo(ReferenceOnly, "MB-0", "MB-6");

    static IReadOnlyDictionary<string, string> ReferenceClaimsAnd(string id, string why) =>
        Mutant.Join(ReferenceClaims, Mutant.NotApplicableTo(why, id));

    public static IReadOnlyList<MetaLearningMutant> All { get; } = new MetaLearningMutant[]
    {
        new WrongPrior("mb-prior-sym", 0.2, 0.2)
        {
            Survives = new Dictionary<string, string>
            {
                ["MB-3"] = "Beta(1.2, 1.2)'s posterior mean is within 0.2|n − 2k|/((n + 2.4)(n + 2)) ≤ 0.023 of Laplace's for n ≤ 40 (0.0196 on seed 1's " +
                           "count states), only 1.3× the trained nets' own worst deviation (0.0152 over seeds 1-10): no bound between them keeps a margin on both sides at ci",
            },
        },
        new WrongPrior("mb-prior-beta", 0, 0.2),
        new ShortMemory("mb-window-10", 10),
        new WrongPretraining("mb-net-beta22"),
        new ShortBudget("mb-net-tenth", 10),
    };

    /// <summary>Exact Bayes of Beta(α + dα, β + dβ) where the network was meta-trained on Beta(α, β): Beta(1.2, 1.2) and
    /// Beta(1, 1.2) for MB-1..MB-4, the drawn prior shifted for MB-5.</summary>
    sealed record WrongPrior(string Id, double DAlpha, double DBeta) : MetaLearningMutant(Id,
        "exact Bayes with a misspecified prior, Beta(α + dα, β + dβ)",
        string.Create(CultureInfo.InvariantCulture, $"dα = {DAlpha}, dβ = {DBeta}"), ReferenceClaimsAnd("MB-4", Exchangeable)), IGradedMutant
    {
        public string Knob => "prior shift ε";
        public double Catalogued => Math.Max(DAlpha, DBeta);
        public double Identity => 0;
        public Mutant At(double strength) => this with { DAlpha = DAlpha > 0 ? strength : 0, DBeta = DBeta > 0 ? strength : 0 };

        public override CoinSubject Stand(Architecture arch, TaskDistribution prior, RunContext ctx)
        {
            var beta = BetaOf(prior, Id);
            var wrong = new RandomCoins(beta.Alpha + DAlpha, beta.Beta + DBeta);
            return CoinSubject.Of(new BetaBernoulliPredictor(wrong), $"bayes {wrong.Name}");
        }
    }

    /// <summary>Bayes of the right prior that sees only the last <paramref name="Window"/> tokens: right on short contexts, and
    /// order-dependent beyond the window.</summary>
    sealed record ShortMemory(string Id, int Window) : MetaLearningMutant(Id,
        "exact Bayes of the right prior that sees only the last W tokens", $"W = {Window}", ReferenceClaims), IGradedMutant
    {
        public string Knob => "window W (tokens)";
        public double Catalogued => Window;
        public double Identity => 50;   // the ci/paper evaluation length: a window that long sees everything
        public bool Integer => true;
        public Mutant At(double strength) => this with { Window = (int)strength };

        public override CoinSubject Stand(Architecture arch, TaskDistribution prior, RunContext ctx) =>
            CoinSubject.Of(new WindowedBayes(BetaOf(prior, Id), Window), $"bayes {prior.Name}, last {Window} tokens");
    }

    /// <summary>The same network meta-trained on Beta(2, 2) instead: the nearest wrong pretraining distribution.</summary>
    sealed record WrongPretraining(string Id) : MetaLearningMutant(Id,
        "the same network meta-trained on Beta(2, 2) instead of its prior", null, ReferenceClaimsAnd("MB-4", Exchangeable))
    {
        public override CoinSubject Stand(Architecture arch, TaskDistribution prior, RunContext ctx) =>
            CoinSubject.Of(MetaLearningSetup.Pretrained(arch, new RandomCoins(2, 2), ctx));
    }

    /// <summary>The same network after 1/<paramref name="Divisor"/> of the scale's meta-training steps.</summary>
    sealed record ShortBudget(string Id, int Divisor) : MetaLearningMutant(Id,
        "the same network meta-trained for a fraction of the scale's steps", $"1/{Divisor} of the steps", ReferenceClaims)
    {
        public override CoinSubject Stand(Architecture arch, TaskDistribution prior, RunContext ctx)
        {
            var budget = MetaLearningSetup.Preset(ctx.Scale).Budget;
            return CoinSubject.Of(MetaLearningSetup.Pretrained(arch, prior, ctx, budget with { Steps = Math.Max(1, budget.Steps / Divisor) }));
        }
    }

    static RandomCoins BetaOf(TaskDistribution prior, string mutant) => prior as RandomCoins
        ?? throw new InvalidOperationException($"mutant {mutant} needs a Beta prior, got {prior.Name}");
}

/// <summary>Laplace-style Bayes of a Beta prior on the last <paramref name="window"/> tokens only.</summary>
sealed class WindowedBayes(RandomCoins prior, int window) : ISequencePredictor
{
    public double[] PredictOnes(ReadOnlySpan<int> bits)
    {
        var p = new double[bits.Length];
        for (int t = 0; t < bits.Length; t++)
        {
            int from = Math.Max(0, t - window), ones = 0;
            for (int i = from; i < t; i++) ones += bits[i];
            p[t] = (ones + prior.Alpha) / (t - from + prior.Alpha + prior.Beta);
        }
        return p;
    }
}
