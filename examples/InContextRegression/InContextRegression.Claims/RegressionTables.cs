// The LR family's tables. References: what the exact predictors' gaps to Bayes are at each prompt length, on 20,000
// fixed-seed prompts (no network, so it is gated in every CI run); it places LR-1's bound among the near misses.
// NetworkGaps: the two pretrained networks' gaps at each length (trained at the run's scale; the snapshot is ci).
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Claims.Statistics;

namespace InContextRegression;

public sealed class ReferenceGapsTable : ITableSource
{
    public static readonly ReferenceGapsTable Instance = new();
    const int Prompts = 20_000, Seed = 20231;

    public string Name => "LR.References";
    public string Family => RegressionSetup.Family;
    public bool IsSnapshot => true;
    public IReadOnlyList<string> Shows { get; } = new[] { "LR-1", "LR-2" };

    public ResultTable Build(RunContext ctx)
    {
        var p = RegressionSetup.Preset(Scale.Ci);
        double bayes = p.NoiseSd * p.NoiseSd;
        var rng = new Random(Seed);
        var prompts = Enumerable.Range(0, Prompts).Select(_ => RegressionTasks.Prompt(RegressionTasks.Normal(p.Dimension, rng), p.Points, p.NoiseSd, rng)).ToArray();
        double Ridge(RegressionPrompt q, int k) => BayesPredictors.Ridge(q, k, q.X[k], bayes);
        var rows = new (string Name, RegressionSetup.Answer Answer)[]
        {
            ("least squares (min-norm)", (q, k) => BayesPredictors.MinNormLeastSquares(q, k, q.X[k])),
            ("ridge λ = 4σ²", (q, k) => BayesPredictors.Ridge(q, k, q.X[k], 4 * bayes)),
            ("ridge λ = σ²/4", (q, k) => BayesPredictors.Ridge(q, k, q.X[k], bayes / 4)),
            ("predict 0 (prior mean)", (_, _) => 0),
        };
        var columns = new[] { "predictor" }.Concat(Enumerable.Range(0, p.Points).Select(k => $"k={k}")).ToArray();
        var table = new ResultTable(Name, "Mean squared gap to the Bayes prediction (ridge, λ = σ²) by prompt length k, d = 5, σ = 0.5", columns,
            new[] { $"{Prompts} prompts from w ~ N(0, I_5), x ~ N(0, I_5), drawn with seed {Seed}; exact predictors in doubles, no network",
                    "first row: the Bayes risk itself (expected squared error of ridge against y)",
                    "least squares at k = 4 and 5 has infinite expected gap (inverse Wishart): its cells there are sample means of a heavy tail",
                    "why these tolerances: the same seed and doubles give the same cells on any CPU up to the last bits of MathNet's SVD; 1e-4 absorbs those" },
            columns.Skip(1).ToDictionary(c => c, _ => new Tolerance(1e-4, Rel: 1e-6)));
        table.Add(new object[] { "Bayes risk (ridge vs y)" }.Concat(Enumerable.Range(0, p.Points).Select(k =>
            (object)new Cell(prompts.Average(q => Math.Pow(Ridge(q, k) - q.Y[k], 2))))).ToArray());
        foreach (var (name, answer) in rows)
            table.Add(new object[] { name }.Concat(Enumerable.Range(0, p.Points).Select(k =>
                (object)new Cell(prompts.Average(q => Math.Pow(answer(q, k) - Ridge(q, k), 2))))).ToArray());
        return table;
    }
}

public sealed class NetworkGapsTable : ITableSource
{
    public static readonly NetworkGapsTable Instance = new();

    public string Name => "LR.NetworkGaps";
    public string Family => RegressionSetup.Family;
    public bool IsSnapshot => true;
    public IReadOnlyList<string> Shows { get; } = new[] { "LR-1", "LR-3" };
    public TablePlot Plot { get; } = new("prompt length k", "mean squared gap");

    public ResultTable Build(RunContext ctx)
    {
        var p = RegressionSetup.Preset(ctx.Scale);
        var tasks = RegressionSetup.FiniteTasks(ctx);
        int seed = ctx.Seeds(TheoryCheck.SeedStream.Named("lr:table")).DataSeed;
        var gaussianPrompts = RegressionSetup.EvalPrompts(ctx, null, seed);
        var taskPrompts = RegressionSetup.EvalPrompts(ctx, tasks, seed + 1);
        var gaussianNet = RegressionSetup.Pretrained(ctx, null);
        var taskNet = RegressionSetup.Pretrained(ctx, tasks);
        RegressionSetup.Answer Net(InContextLearner net, RegressionPrompt[] prompts)
        {
            var predicted = net.Predict(prompts);
            return (q, k) => predicted[Array.IndexOf(prompts, q)][k];
        }
        RegressionSetup.Answer Ridge = (q, k) => BayesPredictors.Ridge(q, k, q.X[k], p.NoiseSd * p.NoiseSd);
        RegressionSetup.Answer TaskBayes = (q, k) => BayesPredictors.FiniteSetPosterior(tasks, p.NoiseSd, q, k, q.X[k]);
        var columns = new[] { "network", "prompts", "gap to" }.Concat(Enumerable.Range(0, p.Points).Select(k => $"k={k}")).ToArray();
        var table = new ResultTable(Name, "Mean squared gap of the pretrained networks to a Bayes prediction, by prompt length k", columns,
            new[] { $"scale {ctx.Scale.Name()}, seed {ctx.Seed}: {p.Model}, {p.Steps} steps; {p.EvalPrompts} evaluation prompts per row; ± 1 SE",
                    $"task set: {p.FiniteTasks} tasks from N(0, I_5), drawn from the seed",
                    "why these tolerances: the same seed retrains the same networks; abs 0.02 + 4·SE allows float differences across CPUs, while a network that drifted to the other Bayes predictor moves a cell by ≥ 1 (the rows' near misses)" },
            columns.Skip(3).ToDictionary(c => c, _ => new Tolerance(0.02, SeMultiple: 4)));
        void Row(string network, string from, string to, RegressionPrompt[] prompts, RegressionSetup.Answer net, RegressionSetup.Answer bayes) =>
            table.Add(new object[] { network, from, to }.Concat(RegressionSetup.MeanSquaredGap(prompts, net, bayes, p.Points)
                .Select(m => (object)new Cell(m.Value, m.Se))).ToArray());
        var onGaussian = Net(gaussianNet, gaussianPrompts);
        var taskNetOnTasks = Net(taskNet, taskPrompts);
        var gaussianNetOnTasks = Net(gaussianNet, taskPrompts);
        Row("Gaussian-pretrained", "Gaussian tasks", "ridge", gaussianPrompts, onGaussian, Ridge);
        Row("4-task-pretrained", "the 4 tasks", "task posterior", taskPrompts, taskNetOnTasks, TaskBayes);
        Row("4-task-pretrained", "the 4 tasks", "ridge", taskPrompts, taskNetOnTasks, Ridge);
        Row("Gaussian-pretrained", "the 4 tasks", "task posterior", taskPrompts, gaussianNetOnTasks, TaskBayes);
        return table;
    }
}
