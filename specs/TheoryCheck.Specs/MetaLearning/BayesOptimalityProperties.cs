// The MB family's training claims as properties (Claim tier; one non-parallel torch collection; models trained once per
// process and cached on disk by config hash).
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.MetaLearning;
using TheoryCheck.Specs.Support;
using Xunit.Abstractions;

namespace TheoryCheck.Specs.MetaLearning;

[Trait("Tier", "Claim")]
[Collection(TorchCollection.Name)]
public sealed class BayesOptimalityProperties(ITestOutputHelper output)
{
    [Fact]
    public void MetaTrainedLstmIsBayesOptimal() => ClaimProperty.Check(BayesOptimality.Lstm, output);

    [Fact]
    public void MetaTrainedTransformerIsBayesOptimal() => ClaimProperty.Check(BayesOptimality.Transformer, output);

    [Fact]
    public void InContextPredictionsFollowThePosteriorCounts() => ClaimProperty.Check(PosteriorTracking.Claim, output);

    [Fact]
    public void PredictionsAreExchangeable() => ClaimProperty.Check(Exchangeability.Claim, output);

    [Fact]
    public void MetaTrainingOnAnyBetaPriorYieldsItsBayesPredictor() => ClaimProperty.Check(AnyPrior.Claim, output);

    [Fact]
    public void ResultTableMatchesSnapshot() =>
        SnapshotAssert.Matches(BayesOptimalityTable.Instance.Build(new RunContext(RunSettings.Scale(), 1, output.WriteLine)));
}

[Trait("Tier", "Fast")]
public sealed class ReferenceSanityProperties(ITestOutputHelper output)
{
    [Fact]
    public void MonteCarloRegretMatchesExactRegret() => ClaimProperty.Check(ReferenceSanity.Claim, output);
}
