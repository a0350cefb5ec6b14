// One prompting experiment: which network (architecture, pretraining distribution, trained or not) and which target.
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch.Models;

namespace TheoryCheck.Claims.PromptTuning;

/// <param name="Untrained">The same architecture and init seed, never meta-trained (p1: "LSTM_untrained").</param>
/// <param name="InitDraw">Which untrained init: 0 is the trained model's own, k ≥ 1 a further draw (MetaLearningSetup.Untrained).</param>
/// <param name="TuningShift">A near-miss control: the tuners learn from the target with its coins off by this much
/// (<see cref="TargetShift"/>), with the same seeds, and are scored on the real target's evaluation set. 0 for the real thing.</param>
public sealed record Setting(Architecture Arch, TaskDistribution Pretrain, TaskDistribution Target, bool Untrained = false, int InitDraw = 0,
                             double TuningShift = 0)
{
    public string ArchName => Arch == Architecture.Lstm ? "LSTM" : "Transformer";

    /// <summary>This setting with its tuners fed data from the target off by <see cref="TargetShift.NearMiss"/>.</summary>
    public Setting TunedOffTarget => this with { TuningShift = TargetShift.NearMiss };

    public override string ToString() =>
        $"{ArchName}{(Untrained ? InitDraw == 0 ? " (untrained)" : $" (untrained, init draw {InitDraw})" : "")} pretrained on {Pretrain.Name} → target {Target.Name}" +
        (TuningShift != 0 ? FormattableString.Invariant($" (tuned on {TargetShift.Apply(Target, TuningShift).Name})") : "");
}
