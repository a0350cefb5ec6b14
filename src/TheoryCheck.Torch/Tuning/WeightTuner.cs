// Weight tuning (p1 §4.4): a copy of the pretrained net learns a chosen subset of its weights on target data; no prefix.
using TheoryCheck.Torch.Models;
using TheoryCheck.Torch.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TheoryCheck.Torch.Tuning;

/// <summary>Which weights learn. Lora = rank-4 adapters on the attention projections (Transformer only).</summary>
public enum WeightKind { Full, Lora, Embed, Unembed, UnEmbed }

public static class WeightTuner
{
    public const int LoraRank = 4;

    /// <summary>
    /// Trains a copy of <paramref name="pretrained"/> (which is left untouched) on <paramref name="batch"/>(step); returns the
    /// copy, owned by the caller. LoRA adapters are drawn from <paramref name="initSeed"/> (B = 0, so training starts at the
    /// pretrained outputs).
    /// </summary>
    public static CoinPredictor Tune(CoinPredictor pretrained, WeightKind kind, ulong initSeed, Func<int, Tensor> batch,
                                     OptimiserConfig config, Action<TrainProgress>? progress = null)
    {
        var model = Prepare(pretrained, kind, initSeed);
        try
        {
            CoinTraining.Fit(model, Trainable(model, kind), batch, config, progress, $"{kind}WT");
            return model;
        }
        catch { model.Dispose(); throw; }
    }

    /// <summary>The copy with only <paramref name="kind"/>'s parameters requiring gradients (LoRA attached when asked).</summary>
    public static CoinPredictor Prepare(CoinPredictor pretrained, WeightKind kind, ulong initSeed)
    {
        var model = pretrained.Copy();
        if (kind == WeightKind.Lora)
        {
            var attention = model.Attention ?? throw new ArgumentException("LoRA tuning needs a Transformer (p1 §4.2: the LSTM has no adapters)");
            attention.Adapters = TorchRuntime.SeededInit(initSeed,
                () => new LoraAdapters(model.Config.Width, LoraRank, attention.Projections.Count));
            attention.Adapters.to(model.EmbeddingLayer.weight!.device);
        }
        var selected = Trainable(model, kind).Select(p => p.Handle).ToHashSet();
        foreach (var p in model.parameters()) p.requires_grad = selected.Contains(p.Handle);
        return model;
    }

    /// <summary>The parameters <paramref name="kind"/> updates.</summary>
    public static IReadOnlyList<Parameter> Trainable(CoinPredictor model, WeightKind kind) => kind switch
    {
        WeightKind.Full => model.parameters().ToArray(),
        WeightKind.Lora => (model.Attention?.Adapters ?? throw new ArgumentException("no LoRA adapters attached")).parameters().ToArray(),
        WeightKind.Embed => model.EmbeddingLayer.parameters().ToArray(),
        WeightKind.Unembed => model.UnembeddingLayer.parameters().ToArray(),
        WeightKind.UnEmbed => model.EmbeddingLayer.parameters().Concat(model.UnembeddingLayer.parameters()).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
