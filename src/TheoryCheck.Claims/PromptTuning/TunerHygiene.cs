// PT-10 (fast, exact): the tuners do what they claim on tiny random networks — prefix tuning leaves every weight bit-identical,
// the tuning loss ignores prefix positions, zero-B LoRA reproduces the network exactly, each weight tuner moves only its own
// parameters (p1 §4.2, §4.4).
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Torch.Models;
using TheoryCheck.Torch.Training;
using TheoryCheck.Torch.Tuning;

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
        "LoRA with B = 0 leaves every output bit-identical, and with a random B changes them (the adapters are wired into forward); Embed/Unembed/UnEmbed/LoRA tuning changes no parameter outside its own set.",
        new[]
        {
            Bound.AtMost("prefix_tuning_weight_change", 0, "exact: weights are frozen"),
            Bound.AtMost("prefix_loss_mismatch", 1e-5, "float32 rounding of two equal sums over ≤ 24 terms"),
            Bound.AtMost("lora_zero_b_output_change", 0, "exact: x + 0 = x"),
            Bound.AtMost("foreign_parameter_change", 0, "exact: other parameters get no updates"),
            Bound.AtLeast("lora_random_b_output_change", LoraWiredBound,
                          "our design (docs/power.md#pt-10): a random B moves the tiny Transformer's logits by 0.51-2.78 (30 cases, seeds 1-10), 10x above the bound; an adapter never wired into forward moves them by exactly 0"),
        },
        "FullWT in place of prefix tuning, a loss that also counts prefix positions, LoRA with random B, FullWT judged as EmbedWT, and a LoRA adapter never wired into forward must each fail",
        new ScalePresets("1 seed", "3 seeds", "10 seeds"), Fast: true, EveryBoundControlled: true);

    /// <summary>The wiring bound: far below what a wired random-B adapter moves (docs/power.md#pt-10), far above an unwired one's 0.</summary>
    public const double LoraWiredBound = 0.05;

    public override int CaseCount(Scale scale) => scale.Pick(1, 3, 10);

    public override Gen<SeedCase> Cases(Scale scale) => Gen.Choose(1, int.MaxValue - 1).Select(s => new SeedCase(s));

    public override CaseOutcome Evaluate(SeedCase c, RunContext ctx)
    {
        double frozen = 0, frozenControl = 0, loss = 0, lossControl = 0, lora = 0, loraControl = 0, foreign = 0, foreignControl = 0;
        double wired = double.PositiveInfinity, wiredControl = double.PositiveInfinity;
        var fault = PromptTuningMutant.Of(ctx).Fault;
        foreach (var config in Tiny)
        {
            var r = TunerInvariants.Measure(config, (ulong)c.Seed, FewSteps, fault);
            if (config.Arch == Architecture.Transformer) (wired, wiredControl) = (Math.Min(wired, r.LoraRandomBChange), Math.Min(wiredControl, r.LoraRandomBChangeControl));
            frozen = Math.Max(frozen, r.PrefixWeightChange); frozenControl = Math.Max(frozenControl, r.PrefixWeightChangeControl);
            loss = Math.Max(loss, r.PrefixLossMismatch); lossControl = Math.Max(lossControl, r.PrefixLossMismatchControl);
            lora = Math.Max(lora, r.LoraZeroBChange); loraControl = Math.Max(loraControl, r.LoraZeroBChangeControl);
            foreign = Math.Max(foreign, r.ForeignChange); foreignControl = Math.Max(foreignControl, r.ForeignChangeControl);
        }
        Measurement E(double v) => Measurement.Exact(v);
        return new CaseOutcome(c.ToString(), new[] { E(frozen), E(loss), E(lora), E(foreign), E(wired) },
                               new Measurement?[] { E(frozenControl), E(lossControl), E(loraControl), E(foreignControl), E(wiredControl) });
    }
}
