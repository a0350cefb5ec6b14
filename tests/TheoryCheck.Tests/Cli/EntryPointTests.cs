// `dotnet test` and `theorycheck run` judge the same instances: for every claim, the spec runner's context
// (RunSettings.TestContext, which the specs' ClaimProperty uses) and the CLI's (Runner) give the same case list, context seed
// and scale (Fast); and one training claim's measured values agree bit for bit between the two entry points (Claim tier).
// It lives here, not in specs/, because the specs project must not reference the CLI: MSBuild would then build the CLI on the
// node that runs the specs and serialise the two test assemblies.
using System.Text.Json;
using TheoryCheck.Claims;
using TheoryCheck.Claims.Attention;
using TheoryCheck.Claims.Core;
using TheoryCheck.Cli.Reporting;
using TheoryCheck.Cli;
using TheoryCheck.Tests.Torch;
using Xunit.Abstractions;

namespace TheoryCheck.Tests.Cli;

[Trait("Tier", "Fast")]
public sealed class EntryPointCaseTests
{
    [Theory]
    [InlineData(Scale.Smoke, 1)]
    [InlineData(Scale.Smoke, 7)]
    [InlineData(Scale.Ci, 1)]
    [InlineData(Scale.Ci, 7)]
    public void SpecsAndCliDrawTheSameCasesForEveryClaim(Scale scale, int seed)
    {
        var spec = RunSettings.TestContext(_ => { }, scale, seed);
        var cli = new Runner(scale, seed, Progress.For(TextWriter.Null)).Context;
        foreach (var claim in Catalog.Claims)
        {
            var a = claim.Plan(spec);
            var b = claim.Plan(cli);
            Assert.Equal((a.Scale, a.ContextSeed, a.CaseSeed), (b.Scale, b.ContextSeed, b.CaseSeed));
            Assert.Equal(seed, a.ContextSeed);
            Assert.Equal(a.Cases, b.Cases);
            Assert.NotEmpty(a.Cases);
        }
    }

    [Fact]
    public void OtherSeedsDrawOtherCases()
    {
        // Guards the comparison above against a case stream that ignores the seed.
        var one = ExactBayesReferenceCases(1);
        Assert.NotEqual(one, ExactBayesReferenceCases(7));
        Assert.Equal(one, ExactBayesReferenceCases(1));
    }

    static IReadOnlyList<string> ExactBayesReferenceCases(int seed) =>
        TheoryCheck.Claims.MetaLearning.ExactBayesReference.Claim.Plan(RunSettings.TestContext(_ => { }, Scale.Ci, seed)).Cases;
}

[Trait("Tier", "Claim")]
[Collection(TorchCollection.Name)]
public sealed class EntryPointValueTests(ITestOutputHelper output)
{
    /// <summary>PA-8 trains PA, LPA and linear models by gradient descent on each case (about 4 s at ci): every case's measured values, bounds and
    /// control must serialise to the same bytes from the spec runner and from the CLI's runner.</summary>
    [Fact]
    public void ATrainingClaimMeasuresBitIdenticallyFromBothEntryPoints()
    {
        var fromSpec = MatchedTrained.Claim.Run(RunSettings.TestContext(output.WriteLine, Scale.Ci, 1));   // what ClaimProperty.Run does
        var fromCli = new Runner(Scale.Ci, 1, Progress.For(TextWriter.Null)).Claim(MatchedTrained.Claim);
        string Json(ResultsJson.ClaimDto d) => JsonSerializer.Serialize(d with { Seconds = 0 });
        Assert.Equal(Json(fromCli), Json(ResultsJson.ToDto(fromSpec, Scale.Ci)));
        Assert.True(fromSpec.CaseResults.Count > 1);
    }
}
