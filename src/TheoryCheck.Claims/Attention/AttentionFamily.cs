// The PA family (P2: softmax prompt-attention on a contextual mixture model): its claims and result tables, in id order.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Claims.Attention;

public static class AttentionFamily
{
    /// <summary>The family key its claim specs carry.</summary>
    public const string Key = "PA";

    public static IReadOnlyList<IClaim> Claims { get; } = new IClaim[]
    {
        PromptAtZeroIsLinear.Claim, GradientCorrectness.Claim, SoftmaxInvariances.Claim,
        SelectionBound.Claim, MonotoneSelection.Claim, MatchedBlindness.Claim, MatchedMarginFormula.Claim, MatchedTrained.Claim,
        TwoStepMagnitudes.Claim, HeadAlignment.Claim, PromptAlignmentGrowth.Claim, BeatsUniformAttention.Claim,
        RidgeFormula.Claim, MeanDifferenceFormula.Claim, DoubleDescentPeak.Claim, ContextBenefit.Claim,
        SelfAttentionReadout.Claim, RealDataAttention.Claim,
    };

    public static IReadOnlyList<ITableSource> Tables { get; } = new ITableSource[]
    {
        AccuracyTable.Instance, KnownPromptTable.Instance, FashionMnistTable.Instance,
        new Snapshots.FindingsTable("Attention.Findings", Key, new IClaim[] { RealDataAttention.Claim }),
    };
}
