// PT-9: random, untuned hard prefixes change regret as they change the ideal predictor's (p1 §5.2 RandomPF: ideal 2.336 vs 1.477
// with no prefix on the 0.2 coin). Stated against the exact ideal so that it holds on every single coin: whether random prefixes
// hurt depends on the coin (ideal effect +0.859 at 0.2, −0.274 at 0.5), so the claim is that the network's effect of the same
// 10 prefixes, on the same evaluation sequences, is within 0.1 of the ideal's. Where the ideal effect exceeds 0.1 (the paper's
// 0.2 coin) that fixes its sign: random prefixes hurt.
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch;
using TheoryCheck.Torch.Models;

namespace TheoryCheck.Claims.PromptTuning;

public sealed record PrefixDrawCase(int Seed)
{
    public int[][] Prefixes(int count, int length)
    {
        var rng = new Random(Seed);
        return Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, length).Select(_ => rng.Next(2)).ToArray()).ToArray();
    }

    public override string ToString() => $"random prefixes from seed {Seed}";
}

public sealed class RandomPrefixes : Claim<PrefixDrawCase>
{
    public static readonly RandomPrefixes Claim = new();
    const int Count = 10, L = PromptingSetup.PrefixLength;

    /// <summary>How far the network's random-prefix effect may sit from the ideal's. The near miss (each prefix fed twice) is
    /// 0.21–2.6 from the ideal L = 6 effect over p ∈ [0.05, 0.95] (0.21 at the fair coin): docs/derivations.md#pt-9.</summary>
    const double Tolerance = 0.1;

    public override ClaimSpec Spec { get; } = new("PT-9", "P1", "§5.2 (RandomPF)", "PT",
        "On a single coin (default 0.2), the change in regret@50 that 10 uniformly drawn untuned hard prefixes (L = 6) cause on each meta-trained network is within 0.1 of the change they cause on the ideal predictor (Bayes of the pretraining prior conditioned on the same prefixes), paired on the same evaluation sequences; on the 0.2 coin the ideal change is +0.859 (p1 §5.2), so random prefixes hurt.",
        new[] { Bound.AtMost("abs_random_effect_minus_ideal", Tolerance, "p1 §5.2 (RandomPF: ideal 2.336 − 1.477 = 0.859 on the 0.2 coin); tolerance placed against the prefix-fed-twice near miss, docs/derivations.md#pt-9") },
        "each random prefix fed twice (a prefix-wiring bug: the network conditions on 12 tokens, the ideal on 6) must fail",
        new ScalePresets("1 draw", "2 draws of 10 prefixes", "5 draws of 10 prefixes"),
        TransformerInExtendedTier: true, EveryBoundControlled: true);

    public override int CaseCount(Scale scale) => scale.Pick(1, 2, 5);

    public override IReadOnlyList<Maps.Axis> Axes { get; } = new[] { PromptingSetup.CoinAxis };

    public override Gen<PrefixDrawCase> Cases(Scale scale) => Gen.Choose(1, int.MaxValue - 1).Select(s => new PrefixDrawCase(s));

    public override CaseOutcome Evaluate(PrefixDrawCase c, RunContext ctx)
    {
        var target = PromptingSetup.Target(ctx, new TargetCase(PromptingSetup.Coin), PromptingSetup.IsCoin).Target;
        Measurement? worst = null, control = null;
        TuningRuns.Prefetch(
            from arch in PromptingSetup.Archs(ctx)
            let s = new Setting(arch, PromptingSetup.Pretrain(ctx), target)
            select new RunRequest(s, Method.NoTuning, 0, 0), ctx);
        var prefixes = c.Prefixes(Count, L);
        // The ideal predictor on the same sequences: Bayes of the pretraining prior, with no prefix and after each drawn prefix.
        var bayes = BayesPredictor.For(PromptingSetup.Pretrain(ctx));
        var idealNone = TuningRuns.EvaluateCounts(bayes.PredictOne, target, ctx)[50];
        var idealRandom = prefixes.Select(p => TuningRuns.EvaluateCounts(Prompting.WithHardPrefix(bayes, p.Sum(), p.Length - p.Sum()), target, ctx)[50]).ToArray();
        foreach (var arch in PromptingSetup.Archs(ctx))
        {
            var s = new Setting(arch, PromptingSetup.Pretrain(ctx), target);
            var none = TuningRuns.Get(s, Method.NoTuning, 0, 0, ctx).PerSequence[50];
            Measurement FromIdeal(int[][] fed)
            {
                var runs = Lanes.Map(fed, p => TuningRuns.EvaluateHard(s, p, ctx).PerSequence[50]);
                var d = Enumerable.Range(0, none.Length)
                    .Select(i => runs.Average(r => r[i]) - none[i] - (idealRandom.Average(r => r[i]) - idealNone[i])).ToArray();
                var m = Measurement.MeanOf(d, "paired sequences (network effect − ideal effect)");
                return m with { Value = Math.Abs(m.Value) };
            }
            var gap = FromIdeal(prefixes);
            if (worst is null || gap.Value > worst.Value) worst = gap;
            var twice = FromIdeal(prefixes.Select(p => p.Concat(p).ToArray()).ToArray());
            if (control is null || twice.Value < control.Value) control = twice;
        }
        return new CaseOutcome(c.ToString(), new[] { worst! }, new Measurement?[] { control });
    }
}
