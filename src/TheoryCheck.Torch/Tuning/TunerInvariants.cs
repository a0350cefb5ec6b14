// Measures what the tuners promise on one small random network (p1 §4.2, §4.4), each next to the measurement of a
// deliberately wrong variant that must show a difference. Plain numbers out; the bounds live with the caller.
using TheoryCheck.Torch.Models;
using TheoryCheck.Torch.Training;
using static TorchSharp.torch;

namespace TheoryCheck.Torch.Tuning;

/// <summary>Each value is a max |difference|, paired with the same measurement of its control.</summary>
/// <param name="PrefixWeightChange">Weight change after Simplex/Real/Soft prefix tuning (control: FullWT).</param>
/// <param name="PrefixLossMismatch">Prefix loss vs the sequence-only loss of the hard-prefixed input (control: a loss over all positions).</param>
/// <param name="LoraZeroBChange">Output change after attaching zero-B LoRA (control: random B); 0 for the LSTM, which has none.</param>
/// <param name="ForeignChange">Change of parameters outside each weight tuner's own set (control: FullWT judged as EmbedWT).</param>
public sealed record TunerInvariantReport(
    double PrefixWeightChange, double PrefixWeightChangeControl,
    double PrefixLossMismatch, double PrefixLossMismatchControl,
    double LoraZeroBChange, double LoraZeroBChangeControl,
    double ForeignChange, double ForeignChangeControl);

public static class TunerInvariants
{
    /// <summary>
    /// Runs every check on a network of <paramref name="config"/> initialised from <paramref name="seed"/>; tuning batches
    /// (4 × 6 bits) and check inputs come from one torch generator seeded with <paramref name="seed"/>, in a fixed order.
    /// </summary>
    public static TunerInvariantReport Measure(ModelConfig config, ulong seed, OptimiserConfig fewSteps)
    {
        double frozen = 0, frozenControl = 0, foreign = 0, foreignControl = 0, lora = 0, loraControl = 0;
        using var model = CoinModels.Create(config, seed);
        using var gen = new Generator(seed);
        Tensor Batch(int _) => (rand(new long[] { 4, 6 }, generator: gen) < 0.3).to(int64);
        var before = Snapshot(model);
        foreach (var kind in new[] { PrefixKind.Simplex, PrefixKind.Real, PrefixKind.Soft })
        {
            PrefixTuner.Tune(model, kind, 3, seed, Batch, fewSteps);
            frozen = Math.Max(frozen, MaxChange(before, Snapshot(model), _ => true));
        }
        using (var full = WeightTuner.Tune(model, WeightKind.Full, seed, Batch, fewSteps))
        {
            frozenControl = Math.Max(frozenControl, MaxChange(before, Snapshot(full), _ => true));
            // Control of the foreign-parameter check: FullWT judged as if it were EmbedWT moves "foreign" parameters.
            foreignControl = Math.Max(foreignControl, MaxChange(before, Snapshot(full), n => !n.StartsWith("emb.")));
        }
        var (loss, lossControl) = LossCheck(model, gen);
        if (model.Attention is not null) (lora, loraControl) = LoraCheck(model, seed, gen);
        foreach (var kind in new[] { WeightKind.Embed, WeightKind.Unembed, WeightKind.UnEmbed, WeightKind.Lora })
        {
            if (kind == WeightKind.Lora && model.Attention is null) continue;
            using var tuned = WeightTuner.Tune(model, kind, seed, Batch, fewSteps);
            var own = WeightTuner.Trainable(tuned, kind).Select(p => p.Handle).ToHashSet();
            var ownNames = tuned.named_parameters().Where(p => own.Contains(p.parameter.Handle)).Select(p => p.name).ToHashSet();
            foreign = Math.Max(foreign, MaxChange(before, Snapshot(tuned), n => !ownNames.Contains(n)));
        }
        return new TunerInvariantReport(frozen, frozenControl, loss, lossControl, lora, loraControl, foreign, foreignControl);
    }

    /// <summary>|prefix loss − sequence-only loss of [prefix, x] through the plain model|, and the same against a loss over all positions.</summary>
    static (double Mismatch, double ControlMismatch) LossCheck(CoinPredictor model, Generator gen)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        int[] prefix = { 1, 0, 1 };
        var x = (rand(new long[] { 4, 6 }, generator: gen) < 0.5).to(int64);
        double tuning = Prefixes.Loss(model, x, model.Embed(Prefixes.OneHot(prefix, x.device))).item<float>();
        var whole = cat(new[] { tensor(prefix.Select(b => (long)b).ToArray()).unsqueeze(0).expand(4, -1), x }, 1);   // (4, L+N)
        var logits = model.forward(CoinBatches.Inputs(whole));
        double sequenceOnly = CoinBatches.SummedLogLoss(logits.narrow(1, prefix.Length, 6), x).item<float>();
        double everything = CoinBatches.SummedLogLoss(logits, whole).item<float>();
        return (Math.Abs(tuning - sequenceOnly), Math.Abs(tuning - everything));
    }

    /// <summary>Max |Δ logits| after attaching zero-B adapters, and after randomising B (the control).</summary>
    static (double Zero, double Random) LoraCheck(CoinPredictor model, ulong seed, Generator gen)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var inputs = CoinBatches.Inputs((rand(new long[] { 4, 6 }, generator: gen) < 0.5).to(int64));
        var plain = model.forward(inputs);
        using var adapted = WeightTuner.Prepare(model, WeightKind.Lora, seed);
        double zero = (adapted.forward(inputs) - plain).abs().max().item<float>();
        foreach (var p in adapted.Attention!.Adapters!.parameters()) p.copy_(randn(p.shape, generator: gen));
        double random = (adapted.forward(inputs) - plain).abs().max().item<float>();
        return (zero, random);
    }

    static Dictionary<string, float[]> Snapshot(CoinPredictor model) =>
        model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().cpu().data<float>().ToArray());

    static double MaxChange(Dictionary<string, float[]> before, Dictionary<string, float[]> after, Func<string, bool> include) =>
        before.Where(kv => include(kv.Key)).Max(kv => kv.Value.Zip(after[kv.Key], (a, b) => (double)Math.Abs(a - b)).DefaultIfEmpty(0).Max());
}
