// PT-4: the prefix spaces are nested (Hard ⊂ closure(Simplex) ⊂ Real ⊂ Soft through the affine embedding), so the global
// optima are ordered; tuned prefixes must respect the order up to optimisation slack (PT-4), on the 0.2 coin.
using FsCheck;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Torch.Models;

namespace TheoryCheck.Claims.PromptTuning;

public sealed class PrefixNesting : Claim<TargetCase>
{
    public static readonly PrefixNesting Claim = new();
    const int L = PromptingSetup.PrefixLength;

    public override ClaimSpec Spec { get; } = new("PT-4", "P1", "§3 (nesting of prefix spaces), §4.4", "PT",
        "On the 0.2 coin (L = 6, median over tuning seeds, both networks): SoftPT ≤ RealPT + 0.05, RealPT ≤ SimplexPT + 0.10, SimplexPT ≤ HardPT + 0.05 in regret@50.",
        new[]
        {
            Bound.AtMost("soft_minus_real", 0.05, "our design (docs/bounds.md#pt-4) (optimisation slack; exact inclusion gives ≤ 0)"),
            Bound.AtMost("real_minus_simplex", 0.10, "our design (docs/bounds.md#pt-4)"),
            Bound.AtMost("simplex_minus_hard", 0.05, "our design (docs/bounds.md#pt-4)")
                .Missing("ci seed 1: 0.1135 ± 0.020 on the Transformer, SimplexPT stops short of the hard corners")
                // Measured on the 0.2 coin only; on the LSTM at coins 0.3 and 0.7 the bound holds (docs/power.md, PT-4 on the LSTM alone).
                .ReproducingOn("the 0.2 coin"),
        },
        "each bound's tuned method left at its untuned init (SoftPT's random one-hot, RealPT's and SimplexPT's random hard token) in its place must fail that bound",
        new ScalePresets("0.2 coin", "0.2 coin, 3 tuning seeds", "0.2 coin, 10 tuning seeds"),
        "ci, seed 1: SimplexPT does not reach HardPT's optimum on the Transformer — regret@50 0.669 vs 0.559, simplex − hard = 0.109 ± 0.020 " +
        "against ≤ 0.05 (LSTM 0.609 vs 0.568 holds). The simplex contains the hard corners only in its closure: softmax needs unbounded logits to reach " +
        "a one-hot token, and from the paper's init (softmax [0.73, 0.27]) 300 Adam steps stop short. Soft ≤ Real + 0.05 and Real ≤ Simplex + 0.10 hold. " +
        "On the LSTM alone (--arch lstm, the half the default `dotnet test` runs) the miss is smaller and borderline at some seeds: 0.039 ± 0.025 at seed 1 (limit 0.079), 0.042-0.103 at seeds 4-10. " +
        "The miss is declared on the 0.2 coin, where it was measured: at other coins (--target) it may miss or hold, and on the LSTM at coins 0.3 and 0.7 it holds (−0.030 ± 0.023, −0.023 ± 0.022).",
        TransformerInExtendedTier: true,
        ControlChoice: "PT-4 orders tuners against each other, so a near miss must slow one of them and not the others: SoftPT at a quarter of its steps moves soft − real to 0.026 ± 0.056 at seed 1 (killed by its limit 0.117 only), and data from the coin off by 0.05 moves all methods together (a declared survivor). Each method at its untuned init is the one per-bound control that moves a single method far enough to fail each bound");
    // The per-bound control rule stays off here (docs/power.md#the-per-bound-control-rule-switched-on): RealPT's untuned init is a
    // random hard prefix, which can be a near-optimal one (seed 2 of 1-10 at ci: real − simplex = −0.050 ± 0.029 against ≤ 0.10),
    // so that control is a lottery on real_minus_simplex; the report still shows its status per bound.

    public override int CaseCount(Scale scale) => 1;

    public override IReadOnlyList<Maps.Axis> Axes { get; } = new[] { PromptingSetup.CoinAxis };

    public override Gen<TargetCase> Cases(Scale scale) => TargetCase.Fixed(PromptingSetup.Coin);

    public override CaseOutcome Evaluate(TargetCase c, RunContext ctx)
    {
        c = PromptingSetup.Target(ctx, c, PromptingSetup.IsCoin);
        var worst = new Measurement?[3];
        var control = new Measurement?[3];
        TuningRuns.Prefetch(
            from arch in PromptingSetup.Archs(ctx)
            from m in new[] { Method.SoftPT, Method.RealPT, Method.SimplexPT, Method.HardPT }
            from r in TuningRuns.RepRequests(new Setting(arch, PromptingSetup.Pretrain(ctx), c.Target), m, L, ctx)
            select r, ctx);
        void Keep(int i, Measurement m) { if (worst[i] is null || m.Value > worst[i]!.Value) worst[i] = m; }
        foreach (var arch in PromptingSetup.Archs(ctx))
        {
            var s = new Setting(arch, PromptingSetup.Pretrain(ctx), c.Target);
            Measurement M(Method m) => Summaries.Median(TuningRuns.Reps(s, m, L, ctx), 50);
            var (soft, real, simplex, hard) = (M(Method.SoftPT), M(Method.RealPT), M(Method.SimplexPT), M(Method.HardPT));
            Keep(0, Measurement.Difference(soft, real, "median difference"));
            Keep(1, Measurement.Difference(real, simplex, "median difference"));
            Keep(2, Measurement.Difference(simplex, hard, "median difference"));
            // Each bound's near miss: the smaller space's method left at its untuned init, against the same tuned neighbour.
            // The weakest (smallest) over the networks is kept: it is the one closest to passing.
            void Control(int i, Method untunedMethod, Measurement neighbour)
            {
                var m = Measurement.Difference(TuningRuns.Untuned(s, untunedMethod, L, ctx).At(50), neighbour, "difference");
                if (control[i] is null || m.Value < control[i]!.Value) control[i] = m;
            }
            Control(0, Method.SoftPT, real);
            Control(1, Method.RealPT, simplex);
            Control(2, Method.SimplexPT, hard);
        }
        return new CaseOutcome(c.ToString(), worst!, control, InMissDomain: c.Target.Equals(PromptingSetup.Coin));
    }
}
