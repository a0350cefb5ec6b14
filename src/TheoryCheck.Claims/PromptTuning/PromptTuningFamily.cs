// The PT family (P1: optimal prompts exist only inside the posterior support; prefix vs weight tuning), in id order.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Claims.PromptTuning;

public static class PromptTuningFamily
{
    /// <summary>The family key its claim specs carry.</summary>
    public const string Key = "PT";

    public static IReadOnlyList<IClaim> Claims { get; } = new IClaim[]
    {
        ExactPrompting.Claim, HardPrompting.Claim, SoftBeatsHard.Claim, PrefixNesting.Claim, MixtureLimitation.Claim,
        NovelTask.Claim, UntrainedSteering.Claim, WeightTuningCoin.Claim, RandomPrefixes.Claim, TunerHygiene.Claim,
    };

    public static IReadOnlyList<ITableSource> Tables { get; } = new ITableSource[]
    {
        PromptTuningTable.Lstm, PromptTuningTable.Transformer, RegretCurvesTable.Instance,
        new Snapshots.FindingsTable("PromptTuning.Findings", Key, new IClaim[] { PrefixNesting.Claim, UntrainedSteering.Claim }),
    };
}
