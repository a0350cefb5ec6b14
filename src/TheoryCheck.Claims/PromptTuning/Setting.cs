// One prompting experiment: which network (architecture, pretraining distribution, trained or not) and which target.
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch.Models;

namespace TheoryCheck.Claims.PromptTuning;

/// <param name="Untrained">The same architecture and init seed, never meta-trained (p1: "LSTM_untrained").</param>
public sealed record Setting(Architecture Arch, TaskDistribution Pretrain, TaskDistribution Target, bool Untrained = false)
{
    public string ArchName => Arch == Architecture.Lstm ? "LSTM" : "Transformer";

    public override string ToString() =>
        $"{ArchName}{(Untrained ? " (untrained)" : "")} pretrained on {Pretrain.Name} → target {Target.Name}";
}
