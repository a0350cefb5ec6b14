// PT-10 (fast, exact): the tuners do what they claim on tiny random networks — prefix tuning leaves every weight bit-identical,
// the tuning loss ignores prefix positions, zero-B LoRA reproduces the network exactly, each weight tuner moves only its own
// parameters (p1 §4.2, §4.4; issue 4 PT-10).
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.MetaLearning;
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Torch.Models;
using TheoryCheck.Torch.Training;
using TheoryCheck.Torch.Tuning;
using TorchSharp;
using static TorchSharp.torch;

namespace TheoryCheck.Claims.PromptTuning;

public sealed record SeedCase(int Seed)
{
    public override string ToString() => $"seed {Seed}";
}

public sealed class TunerHygiene : Claim<SeedCase>
{
    public static readonly TunerHygiene Claim = new();
    static readonly ModelConfig[] Tiny = { ModelConfig.Lstm(4, 8), ModelConfig.Transformer(8, 2) };
    static readonly OptimiserConfig FewSteps = new(3, 5e-2);

    public override ClaimSpec Spec { get; } = new("PT-10", "P1", "§4.2, §4.4 (tuner hygiene)", "PT",
        "On tiny random LSTMs and Transformers: Simplex/Real/Soft prefix tuning changes no weight; the prefix loss equals the sequence-only log loss of the hard-prefixed input; " +
        "LoRA with B = 0 leaves every output bit-identical; Embed/Unembed/UnEmbed/LoRA tuning changes no parameter outside its own set.",
        new[]
        {
            Bound.AtMost("prefix_tuning_weight_change", 0, "exact: weights are frozen"),
            Bound.AtMost("prefix_loss_mismatch", 1e-5, "float32 rounding of two equal sums over ≤ 24 terms"),
            Bound.AtMost("lora_zero_b_output_change", 0, "exact: x + 0 = x"),
            Bound.AtMost("foreign_parameter_change", 0, "exact: other parameters get no updates"),
        },
        "FullWT in place of prefix tuning, a loss that also counts prefix positions, LoRA with random B, and FullWT judged as EmbedWT must each fail",
        new ScalePresets("1 seed", "3 seeds", "10 seeds"), Fast: true);

    public override int CaseCount(Scale scale) => scale.Pick(1, 3, 10);

    public override Gen<SeedCase> Cases(Scale scale) => Gen.Choose(1, int.MaxValue - 1).Select(s => new SeedCase(s));

    public override CaseOutcome Evaluate(SeedCase c, RunContext ctx)
    {
        double frozen = 0, frozenControl = 0, loss = 0, lossControl = 0, lora = 0, loraControl = 0, foreign = 0, foreignControl = 0;
        foreach (var config in Tiny)
        {
            using var model = MetaTraining.Create(config, (ulong)c.Seed);
            using var gen = new Generator((ulong)c.Seed);
            Tensor Batch(int _) => (rand(new long[] { 4, 6 }, generator: gen) < 0.3).to(int64);
            var before = Snapshot(model);
            foreach (var kind in new[] { PrefixKind.Simplex, PrefixKind.Real, PrefixKind.Soft })
            {
                PrefixTuner.Tune(model, kind, 3, (ulong)c.Seed, Batch, FewSteps);
                frozen = Math.Max(frozen, MaxChange(before, Snapshot(model), _ => true));
            }
            using (var full = WeightTuner.Tune(model, WeightKind.Full, (ulong)c.Seed, Batch, FewSteps))
            {
                frozenControl = Math.Max(frozenControl, MaxChange(before, Snapshot(full), _ => true));
                // Control of the last check: FullWT judged as if it were EmbedWT moves "foreign" parameters.
                foreignControl = Math.Max(foreignControl, MaxChange(before, Snapshot(full), n => !n.StartsWith("emb.")));
            }
            (loss, lossControl) = Max((loss, lossControl), LossCheck(model, gen));
            if (model.Attention is not null) (lora, loraControl) = Max((lora, loraControl), LoraCheck(model, (ulong)c.Seed, gen));
            foreach (var kind in new[] { WeightKind.Embed, WeightKind.Unembed, WeightKind.UnEmbed, WeightKind.Lora })
            {
                if (kind == WeightKind.Lora && model.Attention is null) continue;
                using var tuned = WeightTuner.Tune(model, kind, (ulong)c.Seed, Batch, FewSteps);
                var own = WeightTuner.Trainable(tuned, kind).Select(p => p.Handle).ToHashSet();
                var ownNames = tuned.named_parameters().Where(p => own.Contains(p.parameter.Handle)).Select(p => p.name).ToHashSet();
                foreign = Math.Max(foreign, MaxChange(before, Snapshot(tuned), n => !ownNames.Contains(n)));
            }
        }
        Measurement E(double v) => Measurement.Exact(v);
        return new CaseOutcome(c.ToString(), new[] { E(frozen), E(loss), E(lora), E(foreign) },
                               new Measurement?[] { E(frozenControl), E(lossControl), E(loraControl), E(foreignControl) });
    }

    static (double, double) Max((double A, double B) x, (double A, double B) y) => (Math.Max(x.A, y.A), Math.Max(x.B, y.B));

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
