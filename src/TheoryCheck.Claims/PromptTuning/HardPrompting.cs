// PT-2: hard prompting of a meta-trained net mirrors ideal conditioning (p1 T2, §5.2): on the 0.2 coin with L = 6 the best
// hard prefix has the ideal predictor's composition (1 minority token) and its regret@50 is near the ideal 0.571.
using FsCheck;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch.Models;

namespace TheoryCheck.Claims.PromptTuning;

public sealed class HardPrompting : Claim<TargetCase>
{
    public static readonly HardPrompting Claim = new();

    public override ClaimSpec Spec { get; } = new("PT-2", "P1", "T2, §4.4, §5.2", "PT",
        "On the 0.2 coin with L = 6, the meta-trained LSTM's and Transformer's best hard prefix (exhaustive, 64 prefixes) has the composition the ideal predictor picks (1 one), " +
        "and its median regret@50 is within 0.15 of the ideal 0.571.",
        new[]
        {
            Bound.AtMost("composition_mismatch", 0, "our design (docs/bounds.md#pt-2); exact ideal composition from Prompting.BestHardPrefix (1 one + 5 zeros)"),
            Bound.AtMost("abs_regret_minus_ideal", 0.15, "our design (docs/bounds.md#pt-2); ideal 0.5711 (p1 §5.2); calibration 0.606 (ci, seed 1; docs/bounds.md)"),
        },
        "the same search on the untrained networks (same init) must fail",
        new ScalePresets(PromptingSetup.Describe(Scale.Smoke), PromptingSetup.Describe(Scale.Ci), PromptingSetup.Describe(Scale.Paper)),
        TransformerInExtendedTier: true, EveryBoundControlled: true,
        ControlChoice: "its two catalogued near misses survive as declared power findings: HardPT tuned on the coin off by 0.05 finds the same prefix (on the 0.25 coin the ideal's best 6-token prefix also has 1 one), and one length shorter the ideal's best prefix is 0.098 from L = 6's while the nets sit up to 0.064 (limit) from the ideal. The untrained networks show that the search reads the trained one");

    public override int CaseCount(Scale scale) => 1;

    public override IReadOnlyList<Maps.Axis> Axes { get; } = new[] { PromptingSetup.CoinAxis };

    public override Gen<TargetCase> Cases(Scale scale) => TargetCase.Fixed(PromptingSetup.Coin);

    public override CaseOutcome Evaluate(TargetCase c, RunContext ctx)
    {
        c = PromptingSetup.Target(ctx, c, PromptingSetup.IsCoin);
        var prior = PromptingSetup.Pretrain(ctx);
        var ideal = Prompting.BestHardPrefix(prior, c.Target, PromptingSetup.PrefixLength, 50);
        TuningRuns.Prefetch(
            from untrained in new[] { false, true }
            from arch in PromptingSetup.Archs(ctx)
            from r in TuningRuns.RepRequests(new Setting(arch, prior, c.Target, untrained), Method.HardPT, PromptingSetup.PrefixLength, ctx)
            select r, ctx);
        (Measurement Mismatch, Measurement Distance) Score(bool untrained)
        {
            int mismatch = 0;
            var distances = new List<Measurement>();
            foreach (var arch in PromptingSetup.Archs(ctx))
            {
                var reps = TuningRuns.Reps(new Setting(arch, prior, c.Target, untrained), Method.HardPT, PromptingSetup.PrefixLength, ctx);
                mismatch = Math.Max(mismatch, reps.Max(r => Math.Abs(r.HardOnes - ideal.Ones)));
                var median = Summaries.Median(reps, 50);
                distances.Add(median with { Value = Math.Abs(median.Value - ideal.Regret) });
            }
            return (Measurement.Exact(mismatch), distances.OrderByDescending(d => d.Value).First());
        }
        var trained = Score(false);
        var control = Score(true);
        return new CaseOutcome(c.ToString(), new[] { trained.Mismatch, trained.Distance },
                               new Measurement?[] { control.Mismatch, control.Distance });
    }
}
