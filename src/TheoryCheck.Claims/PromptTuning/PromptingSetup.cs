// The PT family's presets per scale and its built-in settings (p1 §4.4-4.5). Networks are the MB family's meta-trained models.
using System.Globalization;
using TheoryCheck.Claims.Core;
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch.Models;
using TheoryCheck.Torch.Training;

namespace TheoryCheck.Claims.PromptTuning;

/// <summary>Tuning budget shared by every gradient tuner (prefix and weight): p1 §4.4 uses 1000 steps × 256 × 50, Adam 5e-3.</summary>
public sealed record TuningBudget(int Steps, int Batch, int Length, double LearningRate, bool CosineDecay)
{
    public OptimiserConfig Optimiser => new(Steps, LearningRate, CosineDecay: CosineDecay);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Steps} steps × batch {Batch} × length {Length}, Adam {LearningRate:G3}{(CosineDecay ? " cosine" : "")}");
}

/// <param name="Reps">Tuning repetitions (seeds) per method; tables report their median and quartiles.</param>
/// <param name="SearchSequences">HardPT's fixed scoring set (the paper's code: 8 copies of 256 sequences, i.e. 256 distinct).</param>
/// <param name="EvalSequences">Fixed evaluation set per target, same for every method (p1 §4.5: 2048 × length 200).</param>
public sealed record PromptingPreset(TuningBudget Budget, int Reps, int SearchSequences, int EvalSequences, int EvalLength)
{
    public override string ToString() =>
        $"tuning {Budget}; {Reps} reps; HardPT scored on {SearchSequences} sequences; eval {EvalSequences} × length {EvalLength}";
}

public static class PromptingSetup
{
    /// <summary>Main prefix length (p1 §4.4) and the mixture ablation length.</summary>
    public const int PrefixLength = 6, LongPrefixLength = 25;

    /// <summary>Horizons reported (p1 §4.5): the tuning length, the pretraining length, the evaluation length.</summary>
    public static readonly int[] Horizons = { 50, 100, 200 };

    public static readonly SingleCoin Coin = new(0.2);
    public static readonly CoinMixture TwoCoins = new(new[] { (0.5, 0.2), (0.5, 0.8) });
    public static readonly SingleCoin FairCoin = new(0.5);

    public static PromptingPreset Preset(Scale scale) => scale.Pick(
        smoke: new PromptingPreset(new TuningBudget(20, 16, 20, 5e-3, false), 1, 16, 64, 50),
        // ci: our calibration (measured when the ci preset was set): 300 × 64 at lr 5e-3 left SoftPT at 0.57 on the 0.2 coin (LSTM);
        // lr 3e-2 with cosine decay reached 0.25 in the same 3 s, the paper's 1000 × 64 at 5e-3 only 0.30 in 9.5 s.
        ci: new PromptingPreset(new TuningBudget(300, 64, 50, 3e-2, true), 3, 256, 2048, 200),
        paper: new PromptingPreset(new TuningBudget(1000, 256, 50, 5e-3, false), 10, 2048, 2048, 200));

    public static string Describe(Scale scale) => Preset(scale).ToString();

    /// <summary>The pretraining distribution of the PT networks: --pretrain, else the paper's Beta(1,1).</summary>
    public static TaskDistribution Pretrain(RunContext ctx) => ctx.Pretrain ?? MetaLearning.MetaLearningSetup.Uniform;

    /// <summary>
    /// The target a fixed-target claim uses: --target when it is of the kind the claim is about (a single coin for the coin
    /// claims, a mixture for the mixture claim), else the claim's built-in one.
    /// </summary>
    public static TargetCase Target(RunContext ctx, TargetCase builtIn, Func<TaskDistribution, bool> fits)
    {
        if (ctx.Knob(CoinAxis.Name) is { } p && fits(new SingleCoin(p))) return new TargetCase(new SingleCoin(p));
        if (ctx.Target is null || ctx.Target == builtIn.Target) return builtIn;
        if (fits(ctx.Target)) return new TargetCase(ctx.Target);
        ctx.Log($"  note: --target {ctx.Target.Name} does not fit this claim; it keeps {builtIn.Target.Name}");
        return builtIn;
    }

    /// <summary>The map axis of the single-coin PT claims: the target coin, as `--target coin:p` sets it (a map point's knob
    /// takes precedence over --target). Their statements name the 0.2 coin; each claims to hold for any coin a user passes.</summary>
    public static readonly Maps.Axis CoinAxis = new("coin", 0.01, 0.99, 0.01, "p", "the target coin's bias (as --target coin:p)", _ => Coin.P);

    /// <summary>The networks the PT claims and tables tune: --arch, else both (p1 §4.2).</summary>
    public static IReadOnlyList<Architecture> Archs(RunContext ctx) =>
        ctx.Arch is { } one ? new[] { one } : new[] { Architecture.Lstm, Architecture.Transformer };

    /// <summary>For a claim that cannot be measured without <paramref name="arch"/>: not run (with the reason) when --arch
    /// leaves it out.</summary>
    public static void Require(RunContext ctx, Architecture arch, string why)
    {
        if (!Archs(ctx).Contains(arch))
            throw new ClaimNotRunException($"--arch {ctx.Arch.ToString()!.ToLowerInvariant()} leaves out the {arch}, which {why}");
    }

    /// <summary>For a coin claim stated on p ∈ [<paramref name="low"/>, 1 − low]: a --target coin outside it is "not applicable
    /// (…)" before any work, never pass or fail. <paramref name="why"/> says what happens outside (may be empty). A map point
    /// on the coin axis is computed anyway: finding where the claim stops holding is the point, and the map marks it outside.</summary>
    public static void RequireCoinDomain(RunContext ctx, TargetCase c, double low, string claimId, string why)
    {
        if (ctx.Knob(CoinAxis.Name) is null && c.Target is SingleCoin { P: var p } && (p < low || p > 1 - low))
            throw new ClaimNotRunException(FormattableString.Invariant(
                $"not applicable (coin {p} is outside {claimId}'s domain p ∈ [{low}, {1 - low}]{(why.Length > 0 ? ": " + why : "")})"));
    }

    public static bool IsCoin(TaskDistribution d) => d is SingleCoin;
    public static bool IsMixture(TaskDistribution d) => d is CoinMixture;
}
