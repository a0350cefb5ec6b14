// MB-0 as a property (Fast tier: exact math, no training).
using TheoryCheck.Claims.MetaLearning;
using TheoryCheck.Specs.Support;
using Xunit.Abstractions;

namespace TheoryCheck.Specs.MetaLearning;

[Trait("Tier", "Fast")]
public sealed class ExactBayesReferenceProperties(ITestOutputHelper output)
{
    [Fact]
    public void ConjugatePredictiveEqualsQuadratureAndRegretMatchesPaperTable() =>
        ClaimProperty.Check(ExactBayesReference.Claim, output);
}
