// MB-1 / MB-2: a network meta-trained on Beta(1,1) coins predicts like the Bayes (Laplace) predictor (p1 §2.1, T0).
// Measured as the mean per-step KL(Bayes ‖ model) on fresh sequences drawn from an FsCheck-chosen evaluation seed.
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch;
using TheoryCheck.Torch.Models;

namespace TheoryCheck.Claims.MetaLearning;

/// <summary>A fresh evaluation stream (its seed is the random instance).</summary>
public sealed record EvalSeedCase(int EvalSeed)
{
    public override string ToString() => $"eval seed {EvalSeed}";
}

public sealed class BayesOptimality : Claim<EvalSeedCase>
{
    public static readonly BayesOptimality Lstm = new(Architecture.Lstm, "MB-1", 0.002,
        "our design (docs/bounds.md#mb-1); ci, seed 1: the LSTM h64 at 2.2e-5 per step (MetaLearning.BayesOptimality)");
    public static readonly BayesOptimality Transformer = new(Architecture.Transformer, "MB-2", 0.005,
        "our design (docs/bounds.md#mb-2); ci, seed 1: the Transformer d32 at 2.5e-5 per step (MetaLearning.BayesOptimality)");

    readonly Architecture arch;

    BayesOptimality(Architecture arch, string id, double bound, string source)
    {
        this.arch = arch;
        string name = arch == Architecture.Lstm ? "LSTM" : "Transformer";
        Spec = new ClaimSpec(id, "P1", "§2.1 (T0), §4.3", "MB",
            $"A {name} meta-trained with log loss on Beta(1,1) coins is Bayes-optimal: mean per-step KL(Bayes ‖ model) ≤ {bound} nats on fresh length-50 sequences.",
            new[] { Bound.AtMost("kl_per_step", bound, source) },
            $"the same {name} untrained (same init seed) must fail the bound",
            new ScalePresets(MetaLearningSetup.Describe(Scale.Smoke), MetaLearningSetup.Describe(Scale.Ci), MetaLearningSetup.Describe(Scale.Paper)));
    }

    public override ClaimSpec Spec { get; }

    public override int CaseCount(Scale scale) => scale.Pick(1, 2, 3);

    public override Gen<EvalSeedCase> Cases(Scale scale) => Gen.Choose(1, int.MaxValue - 1).Select(s => new EvalSeedCase(s));

    public override CaseOutcome Evaluate(EvalSeedCase c, RunContext ctx)
    {
        var preset = MetaLearningSetup.Preset(ctx.Scale);
        var bayes = new BetaBernoulliPredictor(MetaLearningSetup.Uniform);
        var bound = Spec.Bounds[0];
        MetaLearningSetup.WarmUniformPair(ctx);
        Measurement Kl(CoinNetwork model) => Sequential.Mean(
            (offset, count) => Scores.ModelKl(model, MetaLearningSetup.Uniform, bayes, (ulong)c.EvalSeed, offset, count, preset.KlLength),
            bound, preset.EvalSequences, preset.EvalCap);
        var trained = Kl(MetaLearningSetup.Pretrained(arch, MetaLearningSetup.Uniform, ctx));
        var untrained = Kl(MetaLearningSetup.Untrained(arch, ctx));
        return new CaseOutcome(c.ToString(), new[] { trained }, new Measurement?[] { untrained });
    }
}
