// The .NET face of a coin predictor: claim code creates, meta-trains, tunes and queries networks through this handle and
// gets doubles, floats and records back; tensors stay inside TheoryCheck.Torch.
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch.Models;
using TheoryCheck.Torch.Training;
using TheoryCheck.Torch.Tuning;
using static TorchSharp.torch;

namespace TheoryCheck.Torch;

/// <summary>
/// An opaque handle owning one <see cref="CoinPredictor"/>. As an <see cref="ISequencePredictor"/> it answers like the exact
/// Bayes predictors, so one regret function serves both. Dispose frees the native weights.
/// </summary>
public sealed class CoinNetwork : ISequencePredictor, ICachedModel
{
    internal CoinPredictor Module { get; }

    internal CoinNetwork(CoinPredictor module) => Module = module;

    public ModelConfig Config => Module.Config;

    /// <summary>True for a Transformer (LoRA attaches to its attention); false for the LSTM.</summary>
    public bool HasAttention => Module.Attention is not null;

    /// <summary>An untrained network with weights drawn from <paramref name="initSeed"/>.</summary>
    public static CoinNetwork Create(ModelConfig config, ulong initSeed) => new(CoinModels.Create(config, initSeed));

    /// <summary>Meta-trains every weight in place on batches of <paramref name="data"/> (p1 §4.3); returns the per-step losses.</summary>
    public TrainReport MetaTrain(CoinStream data, OptimiserConfig config, Action<TrainProgress>? progress = null, string label = "meta-training") =>
        CoinTraining.Fit(Module, data, config, progress, label);

    /// <summary>P(x_{t+1} = 1 | x_1..x_t) for one sequence (a batch of one).</summary>
    public double[] PredictOnes(ReadOnlySpan<int> bits) => PredictOnes(new[] { bits.ToArray() })[0];

    /// <summary>
    /// P(x_{t+1} = 1 | x_1..x_t) for every sequence (all of one length) and t, in batches of <paramref name="batch"/>; after
    /// <paramref name="prefix"/> in embedding space when given. The batch size is part of the result's last bits.
    /// </summary>
    public double[][] PredictOnes(IReadOnlyList<int[]> sequences, int batch = 1024, TunedPrefix? prefix = null)
    {
        Func<Tensor, Tensor>? forward = null;
        if (prefix is { Length: > 0 })
            forward = inputs =>
            {
                using var scope = NewDisposeScope();
                long n = inputs.shape[1];
                return Module.ForwardWithSoft(inputs, prefix.EmbeddedTensor(Module)).narrow(1, prefix.Length, n).MoveToOuterDisposeScope();
            };
        return Evaluator.PredictOnes(Module, sequences, batch, forward);
    }

    /// <summary>Gradient prefix tuning (Simplex/Real/Soft) on batches of <paramref name="data"/>; the weights stay frozen.</summary>
    public TunedPrefix TunePrefix(PrefixKind kind, int length, ulong initSeed, CoinStream data, OptimiserConfig config)
    {
        using var bits = new Generator(data.BitSeed);
        return PrefixTuner.Tune(Module, kind, length, initSeed, _ => CoinTraining.Sample(data, bits), config);
    }

    /// <summary>The prefix tuning would start from, untuned.</summary>
    public TunedPrefix InitialPrefix(PrefixKind kind, int length, ulong initSeed) => PrefixTuner.Initial(Module, kind, length, initSeed);

    /// <summary>HardPT: the best hard prefix of <paramref name="length"/> on one batch drawn from <paramref name="searchSet"/>.</summary>
    public TunedPrefix SearchHardPrefix(int length, CoinStream searchSet)
    {
        using var scope = NewDisposeScope();
        using var bits = new Generator(searchSet.BitSeed);
        return HardPrefixSearch.Best(Module, length, CoinTraining.Sample(searchSet, bits));
    }

    /// <summary>A given hard prefix, untuned.</summary>
    public TunedPrefix HardPrefix(int[] bits) => HardPrefixSearch.Describe(Module, bits, double.NaN);

    /// <summary>A tuned copy (owned by the caller): <paramref name="kind"/>'s weights trained on batches of <paramref name="data"/>.
    /// This network is left untouched.</summary>
    public CoinNetwork TuneWeights(WeightKind kind, ulong initSeed, CoinStream data, OptimiserConfig config)
    {
        using var bits = new Generator(data.BitSeed);
        return new(WeightTuner.Tune(Module, kind, initSeed, _ => CoinTraining.Sample(data, bits), config));
    }

    /// <summary>Writes the weights (TorchSharp's format) for the model cache.</summary>
    public void Save(Stream stream) => Module.save(stream);

    public void Load(Stream stream) => Module.load(stream);

    public void Dispose() => Module.Dispose();

    public override string ToString() => Config.Name;
}
