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
/// <param name="LoraRandomBChange">Output change after randomising B: the adapters are wired into forward (control: an
/// adapter never wired in, which changes nothing); 0 for the LSTM.</param>
public sealed record TunerInvariantReport(
    double PrefixWeightChange, double PrefixWeightChangeControl,
    double PrefixLossMismatch, double PrefixLossMismatchControl,
    double LoraZeroBChange, double LoraZeroBChangeControl,
    double ForeignChange, double ForeignChangeControl,
    double LoraRandomBChange = 0, double LoraRandomBChangeControl = 0);

/// <summary>A deliberately broken tuner standing where the real one is measured (`power`'s PT-10 mutants); None = the real tuners.</summary>
public enum TunerFault
{
    None,
    /// <summary>Prefix tuning that also moves every weight by a relative step of 1e-3.</summary>
    PrefixMovesWeights,
    /// <summary>A prefix loss that also counts the prefix positions.</summary>
    LossCountsPrefix,
    /// <summary>LoRA adapters attached but never wired into forward.</summary>
    LoraUnwired,
    /// <summary>Each partial weight tuner trains one extra parameter group (Embed, Unembed → both; both → all).</summary>
    ExtraGroup,
}

public static class TunerInvariants
{
    /// <summary>
    /// Runs every check on a network of <paramref name="config"/> initialised from <paramref name="seed"/>; tuning batches
    /// (4 × 6 bits) and check inputs come from one torch generator seeded with <paramref name="seed"/>, in a fixed order.
    /// </summary>
    public static TunerInvariantReport Measure(ModelConfig config, ulong seed, OptimiserConfig fewSteps, TunerFault fault = TunerFault.None)
    {
        double frozen = 0, frozenControl = 0, foreign = 0, foreignControl = 0, lora = 0, loraControl = 0;
        using var model = CoinModels.Create(config, seed);
        using var gen = new Generator(seed);
        Tensor Batch(int _) => (rand(new long[] { 4, 6 }, generator: gen) < 0.3).to(int64);
        var before = Snapshot(model);
        foreach (var kind in new[] { PrefixKind.Simplex, PrefixKind.Real, PrefixKind.Soft })
        {
            PrefixTuner.Tune(model, kind, 3, seed, Batch, fewSteps);
            frozen = Math.Max(frozen, MaxChange(before, fault == TunerFault.PrefixMovesWeights ? Moved(model) : Snapshot(model), _ => true));
        }
        using (var full = WeightTuner.Tune(model, WeightKind.Full, seed, Batch, fewSteps))
        {
            frozenControl = Math.Max(frozenControl, MaxChange(before, Snapshot(full), _ => true));
            // Control of the foreign-parameter check: FullWT judged as if it were EmbedWT moves "foreign" parameters.
            foreignControl = Math.Max(foreignControl, MaxChange(before, Snapshot(full), n => !n.StartsWith("emb.")));
        }
        var (loss, lossControl) = LossCheck(model, gen, fault == TunerFault.LossCountsPrefix);
        double wired = 0, wiredControl = 0;
        if (model.Attention is not null) (lora, loraControl, wired, wiredControl) = LoraCheck(model, seed, gen, fault == TunerFault.LoraUnwired);
        foreach (var kind in new[] { WeightKind.Embed, WeightKind.Unembed, WeightKind.UnEmbed, WeightKind.Lora })
        {
            if (kind == WeightKind.Lora && model.Attention is null) continue;
            using var tuned = WeightTuner.Tune(model, fault == TunerFault.ExtraGroup ? WithExtraGroup(kind) : kind, seed, Batch, fewSteps);
            var own = WeightTuner.Trainable(tuned, kind).Select(p => p.Handle).ToHashSet();
            var ownNames = tuned.named_parameters().Where(p => own.Contains(p.parameter.Handle)).Select(p => p.name).ToHashSet();
            foreign = Math.Max(foreign, MaxChange(before, Snapshot(tuned), n => !ownNames.Contains(n)));
        }
        return new TunerInvariantReport(frozen, frozenControl, loss, lossControl, lora, loraControl, foreign, foreignControl, wired, wiredControl);
    }

    /// <summary>A copy of the weights after a relative step of 1e-3 (the prefix tuner that also moves the weights).</summary>
    static Dictionary<string, float[]> Moved(CoinPredictor model) =>
        Snapshot(model).ToDictionary(kv => kv.Key, kv => kv.Value.Select(w => w * (1 + 1e-3f)).ToArray());

    /// <summary>The tuner with one parameter group too many; LoRA keeps its own set (its check is the wiring).</summary>
    static WeightKind WithExtraGroup(WeightKind kind) => kind switch
    {
        WeightKind.Embed or WeightKind.Unembed => WeightKind.UnEmbed,
        WeightKind.UnEmbed => WeightKind.Full,
        _ => kind,
    };

    /// <summary>|prefix loss − sequence-only loss of [prefix, x] through the plain model|, and the same against a loss over all positions.</summary>
    static (double Mismatch, double ControlMismatch) LossCheck(CoinPredictor model, Generator gen, bool countsPrefix)
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
        if (countsPrefix) tuning = everything;   // the faulty loss: what the control compares against, standing in for the tuner's
        return (Math.Abs(tuning - sequenceOnly), Math.Abs(tuning - everything));
    }

    /// <summary>Max |Δ logits| after attaching zero-B adapters, and after randomising B (the control); then the random-B change
    /// as a measurement of its own (the adapters are wired in), with an adapter never wired in as its control.</summary>
    static (double Zero, double Random, double Wired, double Unwired) LoraCheck(CoinPredictor model, ulong seed, Generator gen, bool unwired)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var inputs = CoinBatches.Inputs((rand(new long[] { 4, 6 }, generator: gen) < 0.5).to(int64));
        var plain = model.forward(inputs);
        using var adapted = WeightTuner.Prepare(model, WeightKind.Lora, seed);
        // An unwired adapter exists but forward never reads it: the plain model's outputs.
        Tensor Forward() => unwired ? model.forward(inputs) : adapted.forward(inputs);
        double zero = (Forward() - plain).abs().max().item<float>();
        foreach (var p in adapted.Attention!.Adapters!.parameters()) p.copy_(randn(p.shape, generator: gen));
        double random = (Forward() - plain).abs().max().item<float>();
        double neverWired = (model.forward(inputs) - plain).abs().max().item<float>();
        return (zero, random, random, neverWired);
    }

    static Dictionary<string, float[]> Snapshot(CoinPredictor model) =>
        model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().cpu().data<float>().ToArray());

    static double MaxChange(Dictionary<string, float[]> before, Dictionary<string, float[]> after, Func<string, bool> include) =>
        before.Where(kv => include(kv.Key)).Max(kv => kv.Value.Zip(after[kv.Key], (a, b) => (double)Math.Abs(a - b)).DefaultIfEmpty(0).Max());
}
