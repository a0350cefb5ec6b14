// The meta-trained network of the LR family, behind .NET values: trained on prompts from a task distribution (Gaussian tasks
// or a finite task set), cached by its full config (TheoryCheck's ModelCache), and asked for predictions on prompts the
// exact reference also answers.
using TheoryCheck.Torch;
using TheoryCheck.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace InContextRegression;

/// <summary>What the network is pretrained on: w ~ N(0, I_d) (Tasks = null), or uniform over a finite set of tasks.</summary>
/// <param name="Steps">Adam steps (cosine-decayed lr), each on <paramref name="Batch"/> fresh prompts of K points.</param>
public sealed record PretrainingSpec(RegressorConfig Model, double NoiseSd, double[][]? Tasks, int Steps, int Batch, double LearningRate,
                                     ulong InitSeed, ulong DataSeed)
{
    /// <summary>The model's config; ModelCache appends the runtime (TorchSharp, threads, numeric policy).</summary>
    public string Key
    {
        get
        {
            string tasks = Tasks is null ? "gaussian" : string.Join(";", Tasks.Select(w => string.Join(",", w.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))));
            return FormattableString.Invariant($"lr-family v1|{Model}|noise {NoiseSd}|tasks {tasks}|steps {Steps}|batch {Batch}|lr {LearningRate}|init {InitSeed}|data {DataSeed}");
        }
    }
}

public sealed class InContextLearner : ICachedModel
{
    readonly RegressorModule module;
    readonly RegressorConfig config;

    InContextLearner(RegressorConfig config, ulong initSeed)
    {
        this.config = config;
        module = TorchRuntime.SeededInit(initSeed, () => new RegressorModule(config));
    }

    public void Save(Stream stream) => module.save(stream);
    public void Load(Stream stream) => module.load(stream);
    public void Dispose() => module.Dispose();

    /// <summary>The trained network: from the model cache, or trained now and stored.</summary>
    public static InContextLearner Pretrained(PretrainingSpec spec, Action<string> log) =>
        ModelCache.GetOrTrain(spec.Key, () => new InContextLearner(spec.Model, spec.InitSeed), m => m.Train(spec, log), log, out _);

    void Train(PretrainingSpec spec, Action<string> log)
    {
        int d = config.Dimension, k = config.MaxPoints;
        using var data = new Generator(spec.DataSeed);
        using var taskSet = spec.Tasks is null ? null : tensor(spec.Tasks.SelectMany(w => w).Select(v => (float)v).ToArray(), spec.Tasks.Length, d);
        module.train();
        var report = Trainer.Fit(module.parameters(), _ =>
        {
            var w = taskSet is null ? randn(spec.Batch, d, generator: data)
                                    : taskSet.index_select(0, randint(taskSet.shape[0], spec.Batch, generator: data));
            var x = randn(spec.Batch, k, d, generator: data);
            var y = x.matmul(w.unsqueeze(-1)).squeeze(-1) + spec.NoiseSd * randn(spec.Batch, k, generator: data);
            return nn.functional.mse_loss(module.forward(Tokens(x, y)), y);
        }, new OptimiserConfig(spec.Steps, spec.LearningRate, CosineDecay: true),
        p => { if (p.Step % Math.Max(1, p.Steps / 10) == 0 || p.Step == p.Steps) log($"  pretraining {config}: step {p.Step}/{p.Steps} loss {p.Loss:F4} ({p.Elapsed.TotalSeconds:F0} s)"); },
        label: $"pretraining {config}");
        module.eval();
        log($"  pretrained {config} in {report.Seconds:F1} s, final loss {report.FinalLoss:F4}");
    }

    /// <summary>Context tokens [x_j, y_j, 1] then query tokens [x_i, 0, 0]: (B, K, d), (B, K) → (B, 2K, d+2).</summary>
    static Tensor Tokens(Tensor x, Tensor y)
    {
        long b = x.shape[0], k = x.shape[1];
        var context = cat(new[] { x, y.unsqueeze(-1), ones(b, k, 1) }, 2);
        var queries = cat(new[] { x, zeros(b, k, 2) }, 2);
        return cat(new[] { context, queries }, 1);
    }

    /// <summary>For each prompt, the prediction for y_i from the points before it, i = 0 … K−1 (prompt length = i).</summary>
    public double[][] Predict(IReadOnlyList<RegressionPrompt> prompts)
    {
        int d = config.Dimension, k = prompts[0].X.Length;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = tensor(prompts.SelectMany(p => p.X.SelectMany(r => r)).Select(v => (float)v).ToArray(), prompts.Count, k, d);
        var y = tensor(prompts.SelectMany(p => p.Y).Select(v => (float)v).ToArray(), prompts.Count, k);
        var flat = module.forward(Tokens(x, y)).to_type(ScalarType.Float64).data<double>().ToArray();
        return Enumerable.Range(0, prompts.Count).Select(i => flat[(i * k)..((i + 1) * k)]).ToArray();
    }
}
