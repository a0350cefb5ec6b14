// The MB family (P1: meta-trained sequence models are Bayes predictors): its claims and result tables, in id order.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Claims.MetaLearning;

public static class MetaLearningFamily
{
    /// <summary>The family key its claim specs carry.</summary>
    public const string Key = "MB";

    public static IReadOnlyList<IClaim> Claims { get; } = new IClaim[]
    {
        ExactBayesReference.Claim, BayesOptimality.Lstm, BayesOptimality.Transformer, PosteriorTracking.Claim,
        Exchangeability.Claim, AnyPrior.Claim, ReferenceSanity.Claim,
    };

    public static IReadOnlyList<ITableSource> Tables { get; } = new ITableSource[]
    {
        ExactRegretTable.Instance, BayesOptimalityTable.Instance, RegretBandsTable.Instance,
    };
}
