// The coin training step, written once: meta-training, weight tuning, the bench and the smoke tests all run it.
using TheoryCheck.Torch.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TheoryCheck.Torch.Training;

public static class CoinTraining
{
    /// <summary>The step's loss: summed log loss (p1 §4.3) of <paramref name="model"/>'s predictions of bits (B, N).</summary>
    public static Tensor Loss(CoinPredictor model, Tensor bits) =>
        CoinBatches.SummedLogLoss(model.forward(CoinBatches.Inputs(bits)), bits);

    /// <summary>The next batch of <paramref name="data"/>: bits (B, N) on the runtime device, in the caller's dispose scope.</summary>
    public static Tensor Sample(CoinStream data, Generator bits)
    {
        var taus = new double[data.Batch];
        for (int i = 0; i < taus.Length; i++) taus[i] = data.SampleBias(data.TaskRandom);
        return CoinBatches.SampleBits(taus, data.Length, bits);
    }

    /// <summary>
    /// Trains <paramref name="trainable"/> (parameters of <paramref name="model"/>, or adapters attached to it) on a fresh
    /// batch <paramref name="batch"/>(step) per step. <paramref name="beforeStep"/>(step) runs first in each step (bench clocks,
    /// memory readings, leak checks).
    /// </summary>
    public static TrainReport Fit(CoinPredictor model, IEnumerable<Parameter> trainable, Func<int, Tensor> batch,
                                  OptimiserConfig config, Action<TrainProgress>? progress = null, string label = "training",
                                  Action<int>? beforeStep = null) =>
        Trainer.Fit(trainable, step =>
        {
            beforeStep?.Invoke(step);
            return Loss(model, batch(step));
        }, config, progress, label);

    /// <summary>Trains every parameter of <paramref name="model"/> on batches of <paramref name="data"/>.</summary>
    public static TrainReport Fit(CoinPredictor model, CoinStream data, OptimiserConfig config,
                                  Action<TrainProgress>? progress = null, string label = "training", Action<int>? beforeStep = null)
    {
        using var bits = new Generator(data.BitSeed);
        return Fit(model, model.parameters(), _ => Sample(data, bits), config, progress, label, beforeStep);
    }
}
