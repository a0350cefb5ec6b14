// PT-9: random, untuned hard prefixes hurt (p1 §5.2 RandomPF: ideal 2.336 vs 1.477 with no prefix on the 0.2 coin): the mean
// regret@50 over ≥ 10 drawn length-6 prefixes exceeds the unprefixed network's, paired on the same evaluation sequences.
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Statistics;
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

    public override ClaimSpec Spec { get; } = new("PT-9", "P1", "§5.2 (RandomPF)", "PT",
        "On the 0.2 coin, 10 uniformly drawn untuned hard prefixes (L = 6) give a higher mean regret@50 than no prefix, on both meta-trained networks.",
        new[] { Bound.AtLeast("random_minus_none", 0, "our design (docs/bounds.md#pt-9); ideal: 2.336 − 1.477 = 0.859 (p1 §5.2)") },
        "the tuned HardPT prefix in the random prefixes' place must fail",
        new ScalePresets("1 draw", "2 draws of 10 prefixes", "5 draws of 10 prefixes"));

    public override int CaseCount(Scale scale) => scale.Pick(1, 2, 5);

    public override Gen<PrefixDrawCase> Cases(Scale scale) => Gen.Choose(1, int.MaxValue - 1).Select(s => new PrefixDrawCase(s));

    public override CaseOutcome Evaluate(PrefixDrawCase c, RunContext ctx)
    {
        var target = PromptingSetup.Target(ctx, new TargetCase(PromptingSetup.Coin), PromptingSetup.IsCoin).Target;
        Measurement? worst = null, control = null;
        TuningRuns.Prefetch(
            from arch in PromptingSetup.Archs(ctx)
            let s = new Setting(arch, PromptingSetup.Pretrain(ctx), target)
            from m in new[] { Method.NoTuning, Method.HardPT }
            select new RunRequest(s, m, m == Method.HardPT ? L : 0, 0), ctx);
        foreach (var arch in PromptingSetup.Archs(ctx))
        {
            var s = new Setting(arch, PromptingSetup.Pretrain(ctx), target);
            var none = TuningRuns.Get(s, Method.NoTuning, 0, 0, ctx).PerSequence[50];
            var runs = Lanes.Map(c.Prefixes(Count, L).ToArray(), p => TuningRuns.EvaluateHard(s, p, ctx).PerSequence[50]);
            var mean = Enumerable.Range(0, none.Length).Select(i => runs.Average(r => r[i])).ToArray();
            var gap = Summaries.Paired(mean, none);
            if (worst is null || gap.Value < worst.Value) worst = gap;
            var tuned = Summaries.Paired(TuningRuns.Get(s, Method.HardPT, L, 0, ctx).PerSequence[50], none);
            if (control is null || tuned.Value > control.Value) control = tuned;
        }
        return new CaseOutcome(c.ToString(), new[] { worst! }, new Measurement?[] { control });
    }
}
