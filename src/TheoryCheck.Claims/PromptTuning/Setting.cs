// One prompting experiment: which network (architecture, pretraining distribution, trained or not) and which target.
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch.Models;

namespace TheoryCheck.Claims.PromptTuning;

/// <param name="Untrained">The same architecture and init seed, never meta-trained (p1: "LSTM_untrained").</param>
/// <param name="InitDraw">Which untrained init: 0 is the trained model's own, k ≥ 1 a further draw (MetaLearningSetup.Untrained).</param>
public sealed record Setting(Architecture Arch, TaskDistribution Pretrain, TaskDistribution Target, bool Untrained = false, int InitDraw = 0)
{
    public string ArchName => Arch == Architecture.Lstm ? "LSTM" : "Transformer";

    public override string ToString() =>
        $"{ArchName}{(Untrained ? InitDraw == 0 ? " (untrained)" : $" (untrained, init draw {InitDraw})" : "")} pretrained on {Pretrain.Name} → target {Target.Name}";
}
