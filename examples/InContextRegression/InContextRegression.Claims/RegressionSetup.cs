// The LR family's settings per scale, its two pretrained networks (shared by its claims through one memo), and the
// evaluation every claim reads: the network's and the exact predictors' answers on the same fresh prompts.
using TheoryCheck;
using TheoryCheck.Claims.Core;

namespace InContextRegression;

public sealed record RegressionPreset(int Dimension, int Points, double NoiseSd, RegressorConfig Model, int Steps, int Batch, double LearningRate,
                                      int EvalPrompts, int FiniteTasks);

public static class RegressionSetup
{
    public const string Family = "LR";

    /// <summary>d = 5 and prompts of up to 2d points; noise sd 0.5 (λ = σ² = 0.25). The network at ci (width 32, 3 layers,
    /// 2 heads, 2,500 steps of 64 prompts: about 50 s on one core) is what the suite's budget pays for: at width 64 × 2
    /// layers with interleaved x and y tokens (Garg et al.'s format) 2,000 steps took 68 s and reached a max gap to ridge of
    /// 1.4; with paired tokens, 3 layers at width 32 reached 0.29 in 38 s
    /// (calibration runs, seed 1). Paper-like budgets are the paper preset's.</summary>
    public static RegressionPreset Preset(Scale scale) => scale.Pick(
        new RegressionPreset(5, 10, 0.5, new RegressorConfig(5, 10, 32, 3, 2), Steps: 200, Batch: 64, LearningRate: 3e-3, EvalPrompts: 1000, FiniteTasks: 4),
        new RegressionPreset(5, 10, 0.5, new RegressorConfig(5, 10, 32, 3, 2), Steps: 2500, Batch: 64, LearningRate: 3e-3, EvalPrompts: 2000, FiniteTasks: 4),
        new RegressionPreset(5, 10, 0.5, new RegressorConfig(5, 10, 64, 4, 4), Steps: 20000, Batch: 128, LearningRate: 1e-3, EvalPrompts: 5000, FiniteTasks: 4));

    static readonly Memo<InContextLearner> Networks = new();

    /// <summary>The network pretrained on w ~ N(0, I_d) (tasks null) or on a finite task set.</summary>
    public static InContextLearner Pretrained(RunContext ctx, double[][]? tasks)
    {
        var p = Preset(ctx.Scale);
        var seeds = ctx.Seeds(SeedStream.Named(tasks is null ? "lr:pretrain:gaussian" : $"lr:pretrain:tasks{tasks.Length}"));
        var spec = new PretrainingSpec(p.Model, p.NoiseSd, tasks, p.Steps, p.Batch, p.LearningRate, seeds.Init, seeds.Data);
        return Networks.Get(spec.Key, () => InContextLearner.Pretrained(spec, ctx.Log));
    }

    /// <summary>The finite pretraining task set of this seed (drawn once from N(0, I_d)).</summary>
    public static double[][] FiniteTasks(RunContext ctx) =>
        RegressionTasks.FiniteSet(Preset(ctx.Scale).FiniteTasks, Preset(ctx.Scale).Dimension, ctx.Seeds(SeedStream.Named("lr:finite-tasks")).DataRandom());

    /// <summary>Fresh evaluation prompts from <paramref name="tasks"/> (null: Gaussian tasks), drawn from <paramref name="seed"/>.</summary>
    public static RegressionPrompt[] EvalPrompts(RunContext ctx, double[][]? tasks, int seed, int multiple = 1)
    {
        var p = Preset(ctx.Scale);
        var rng = new Random(seed);
        return Enumerable.Range(0, p.EvalPrompts * multiple).Select(_ =>
            RegressionTasks.Prompt(tasks is null ? RegressionTasks.Normal(p.Dimension, rng) : tasks[rng.Next(tasks.Length)], p.Points, p.NoiseSd, rng)).ToArray();
    }

    /// <summary>A predictor's answer for point i of a prompt from the i points before it.</summary>
    public delegate double Answer(RegressionPrompt prompt, int i);

    /// <summary>Per prompt length k: mean and SE over the prompts of (a − b)².</summary>
    public static TheoryCheck.Claims.Statistics.Measurement[] MeanSquaredGap(IReadOnlyList<RegressionPrompt> prompts, Answer a, Answer b, int points) =>
        Enumerable.Range(0, points).Select(k =>
            TheoryCheck.Claims.Statistics.Measurement.MeanOf(prompts.Select(p => Math.Pow(a(p, k) - b(p, k), 2)).ToArray(), "prompts")).ToArray();
}
