// Gradient prefix tuning (SimplexPT, RealPT, SoftPT; p1 §4.4): the model is frozen, Adam moves only the prefix parameters.
using TheoryCheck.Torch.Models;
using TheoryCheck.Torch.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TheoryCheck.Torch.Tuning;

public static class PrefixTuner
{
    /// <summary>
    /// Tunes a length-<paramref name="length"/> prefix of <paramref name="kind"/> on the batches <paramref name="batch"/>(step)
    /// (bits (B, N) on the model's device). Init (p1 §4.4): each element a random one-hot vector of its own space — a random
    /// token for Simplex/Real, a random basis vector of embedding space for Soft — drawn from <paramref name="initSeed"/>.
    /// </summary>
    public static TunedPrefix Tune(CoinPredictor model, PrefixKind kind, int length, ulong initSeed, Func<int, Tensor> batch,
                                   OptimiserConfig config, Action<TrainProgress>? progress = null)
    {
        if (kind == PrefixKind.Hard) throw new ArgumentException("hard prefixes are searched, not tuned: use HardPrefixSearch");
        if (length < 1) throw new ArgumentException($"prefix length must be ≥ 1, got {length}");
        using var raw = nn.Parameter(Init(model, kind, length, initSeed));
        TrainReport report;
        using (Frozen(model))
            report = Trainer.Fit(new[] { raw }, step => Prefixes.Loss(model, batch(step), Prefixes.Embed(model, kind, raw)),
                                 config, progress, $"{kind}PT");
        return Describe(model, kind, raw, report.FinalLoss);
    }

    /// <summary>The prefix tuning would start from, untuned (a control: what tuning adds).</summary>
    public static TunedPrefix Initial(CoinPredictor model, PrefixKind kind, int length, ulong initSeed)
    {
        using var raw = Init(model, kind, length, initSeed);
        return Describe(model, kind, raw, double.NaN);
    }

    static Tensor Init(CoinPredictor model, PrefixKind kind, int length, ulong initSeed)
    {
        int dim = Prefixes.Dimension(model, kind);
        using var gen = new Generator(initSeed);
        using var scope = NewDisposeScope();
        return nn.functional.one_hot(randint(dim, new long[] { length }, generator: gen), dim).to(float32)
                 .to(model.EmbeddingLayer.weight!.device).MoveToOuterDisposeScope();
    }

    static TunedPrefix Describe(CoinPredictor model, PrefixKind kind, Tensor raw, double loss)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var embedded = Prefixes.Embed(model, kind, raw).cpu().data<float>().ToArray();
        return new TunedPrefix(kind, (int)raw.shape[0], model.Config.Embedding, embedded, raw.detach().cpu().data<float>().ToArray(),
                               null, loss);
    }

    /// <summary>
    /// Turns off gradients of every model weight until disposed, so only prefixes learn. Counted per model: lanes tune prefixes
    /// on one shared network side by side, and only the last to finish restores what the first one turned off.
    /// </summary>
    public static IDisposable Frozen(CoinPredictor model)
    {
        lock (Freezes)
        {
            if (!Freezes.TryGetValue(model, out var freeze))
            {
                freeze = new Freeze(model.parameters().Where(p => p.requires_grad).ToArray());
                foreach (var p in freeze.Thawed) p.requires_grad = false;
                Freezes.Add(model, freeze);
            }
            freeze.Holders++;
        }
        return new Restore(() =>
        {
            lock (Freezes)
            {
                var freeze = Freezes.TryGetValue(model, out var f) ? f : throw new InvalidOperationException("model was not frozen");
                if (--freeze.Holders > 0) return;
                foreach (var p in freeze.Thawed) p.requires_grad = true;
                Freezes.Remove(model);
            }
        });
    }

    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CoinPredictor, Freeze> Freezes = new();

    sealed class Freeze(Parameter[] thawed)
    {
        public Parameter[] Thawed { get; } = thawed;
        public int Holders { get; set; }
    }

    sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
