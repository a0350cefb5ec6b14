// The MB family's presets per scale (models, pretraining budgets, evaluation sizes) and the pretrained-model provider.
// ci sizes are our calibration (README, "Prompt tuning"); paper sizes are p1 §4.2-4.3.
using TheoryCheck.Claims.Core;
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch;
using TheoryCheck.Torch.Models;

namespace TheoryCheck.Claims.MetaLearning;

/// <summary>Everything scale-dependent in the MB family.</summary>
/// <param name="EvalSequences">Evaluation sequences drawn first; <paramref name="EvalCap"/> is the most drawn when undecided.</param>
public sealed record MetaLearningPreset(ModelConfig Lstm, ModelConfig Transformer, MetaBudget Budget,
                                        int EvalSequences, int EvalCap, int KlLength)
{
    public ModelConfig For(Architecture arch) => arch == Architecture.Lstm ? Lstm : Transformer;
}

public static class MetaLearningSetup
{
    public static readonly RandomCoins Uniform = new(1, 1);

    public static MetaLearningPreset Preset(Scale scale) => scale.Pick(
        smoke: new MetaLearningPreset(ModelConfig.Lstm(8, 16), ModelConfig.Transformer(16), new MetaBudget(60, 32, 20, 1e-2), 64, 128, 20),
        ci: new MetaLearningPreset(ModelConfig.Lstm(16, 64), ModelConfig.Transformer(32), new MetaBudget(2500, 128, 50, 3e-3, CosineDecay: true), 1024, 8192, 50),
        paper: new MetaLearningPreset(ModelConfig.Lstm(128, 128), ModelConfig.Transformer(128), new MetaBudget(1000, 256, 100, 1e-3), 2048, 16384, 50));

    public static string Describe(Scale scale)
    {
        var p = Preset(scale);
        return $"{p.Lstm} / {p.Transformer}; {p.Budget}";
    }

    /// <summary>The map axis of a meta-training budget (MB-1, MB-2): the networks' training steps, each point its own cosine run.</summary>
    public static readonly Maps.Axis StepsAxis = new("steps", 1, 1_000_000, 1, "steps",
        "meta-training steps of the networks (cosine schedule over that many steps: each point is its own cached run, not a checkpoint)",
        s => Preset(s).Budget.Steps);

    /// <summary>The scale's pretraining budget, with the map's "steps" knob when one is set.</summary>
    public static MetaBudget Budget(RunContext ctx) =>
        ctx.Knob(StepsAxis.Name) is { } steps ? Preset(ctx.Scale).Budget with { Steps = (int)steps } : Preset(ctx.Scale).Budget;

    /// <summary>Lanes that want the same model wait for one training; different models train side by side.</summary>
    static readonly Memo<CoinNetwork> Loaded = new();

    /// <summary>One seed stream per architecture, shared by the trained model and its untrained control (same init).</summary>
    static SeedPlan PretrainSeeds(Architecture arch, RunContext ctx) => ctx.Seeds(SeedPurposes.Pretraining(arch.ToString()));

    /// <summary>
    /// The model of <paramref name="arch"/> meta-trained on <paramref name="prior"/> at the context's scale and seed, trained
    /// once per process (and once per machine through the disk cache). Shared: callers must not dispose it.
    /// </summary>
    /// <param name="budget">Another pretraining budget than the scale's (a mutant's short training); null = the preset.</param>
    public static CoinNetwork Pretrained(Architecture arch, TaskDistribution prior, RunContext ctx, MetaBudget? budget = null)
    {
        var spec = PretrainedSpec(arch, prior, ctx, budget);
        return Loaded.Get(spec.Key, () => MetaTraining.Get(spec, ctx.Log));
    }

    /// <summary>What <see cref="Pretrained"/> trains (or reads from the model cache); its Key names that network.</summary>
    public static MetaTrainingSpec PretrainedSpec(Architecture arch, TaskDistribution prior, RunContext ctx, MetaBudget? budget = null) =>
        new(Preset(ctx.Scale).For(arch), prior, budget ?? Budget(ctx), PretrainSeeds(arch, ctx));

    /// <summary>
    /// What an MB claim tests in place of <see cref="Pretrained"/>: that network, or the context's MB mutant standing where it
    /// would be (`theorycheck power`). Controls keep reading <see cref="Pretrained"/>: a mutant replaces the subject only.
    /// </summary>
    public static CoinSubject Subject(Architecture arch, TaskDistribution prior, RunContext ctx) =>
        ctx.Mutant is MetaLearningMutant mutant ? mutant.Stand(arch, prior, ctx) : CoinSubject.Of(Pretrained(arch, prior, ctx));

    /// <summary>
    /// Trains (or loads) every listed network side by side (<see cref="Lanes"/>) before a claim reads them one by one. On a
    /// cold cache MB-1 meta-trained the LSTM alone and MB-2 the Transformer after it; side by side they share the two cores.
    /// </summary>
    public static void Warm(RunContext ctx, params (Architecture Arch, TaskDistribution Prior)[] networks) =>
        Lanes.Map(networks, n => Pretrained(n.Arch, n.Prior, ctx));

    /// <summary>
    /// The LSTMs and the Transformer the suite meta-trains at a scale, side by side: both networks on Beta(1,1) (the pair the MB
    /// claims, their table and the PT family share), MB-3's LSTM on Beta(5,1), PT-6's LSTM on the two coins and MB-5's LSTMs on
    /// the priors its case stream draws. The Transformer is the long pole (about 180 s cold at ci on 2 cores, each LSTM about
    /// 50 s), so the LSTMs train one after another in the other lane; trained by their own claims, MB-3's and PT-6's each left
    /// one core idle for 50-55 s of the cold suite. Cold `.ci/run`: MB-1 + MB-3 + MB-5 + PT-6 375 → 298 s with the first four
    /// networks, 250 s with MB-5's too (docs/performance.md#moved-for-the-onednn-pin).
    /// </summary>
    public static void WarmSharedNetworks(RunContext ctx) =>
        Warm(ctx, new (Architecture, TaskDistribution)[]
            {
                (Architecture.Lstm, Uniform), (Architecture.Transformer, Uniform), (Architecture.Lstm, PosteriorTracking.SkewedPrior),
                (Architecture.Lstm, PromptTuning.PromptingSetup.TwoCoins),
            }.Concat(AnyPrior.Claim.DrawnPriors(ctx).Select(p => (Architecture.Lstm, (TaskDistribution)p))).ToArray());

    /// <summary>
    /// The same architecture, never trained. Draw 0 has the trained model's own init seed (the MB controls); draw k ≥ 1 is a
    /// further random init from the same seed stream (PT-7 steers several, so its verdict is not one init's luck).
    /// </summary>
    public static CoinNetwork Untrained(Architecture arch, RunContext ctx, int draw = 0)
    {
        var (config, init) = UntrainedInit(arch, ctx, draw);
        return Loaded.Get(UntrainedKey(arch, ctx, draw), () => CoinNetwork.Create(config, init));
    }

    /// <summary>Names the network <see cref="Untrained"/> returns.</summary>
    public static string UntrainedKey(Architecture arch, RunContext ctx, int draw = 0)
    {
        var (config, init) = UntrainedInit(arch, ctx, draw);
        return $"untrained|{config}|{init}";
    }

    static (ModelConfig Config, ulong Init) UntrainedInit(Architecture arch, RunContext ctx, int draw)
    {
        var seeds = PretrainSeeds(arch, ctx);
        return (Preset(ctx.Scale).For(arch), draw == 0 ? seeds.Init : seeds.ForRepetition(draw).Init);
    }
}
