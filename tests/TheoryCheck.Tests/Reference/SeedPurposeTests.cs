// Pins named seed purposes to the numbers the code drew before they had names: a change here re-draws every instance,
// every measured value, the snapshots and the cached-model keys, so it must be deliberate (and is then a new baseline).
using TheoryCheck.Claims.Core;

namespace TheoryCheck.Tests.Reference;

[Trait("Tier", "Fast")]
public sealed class SeedPurposeTests
{
    [Fact]
    public void CaseStreamsKeepTheirSeeds()
    {
        Assert.Equal(52081023285900UL, CaseStream.SeedOf("MB-1", 1));
        Assert.Equal(108906091645457UL, CaseStream.SeedOf("PA-9", 1));
        Assert.Equal(69077936603851UL, CaseStream.SeedOf("MB-1", 7));
        Assert.Equal(1427786392, SeedPurposes.Cases("MB-1").Stream);
    }

    [Fact]
    public void HashedStreamsKeepTheirPlans()
    {
        Assert.Equal(231774848, SeedPurposes.Pretraining("Lstm").Stream);
        Assert.Equal(new SeedPlan(125018179387189, 45108542276834, 62751974486537), SeedPlan.For(1, SeedPurposes.Pretraining("Lstm")));
        Assert.Equal(new SeedPlan(46807405767162, 24719561281677, 88933698271897), SeedPlan.For(7, SeedPurposes.Pretraining("Transformer")));
        Assert.Equal(new SeedPlan(85874637080427, 96476728901630, 138888405862800),
                     SeedPlan.For(1, SeedPurposes.Tuning("beta(1,1)")).ForRepetition(2));
        Assert.Equal(30592237515174UL, SeedPlan.For(1, SeedPurposes.TuningEvaluation("beta(1,1)")).Eval);
    }

    [Fact]
    public void NumberedStreamsKeepTheirSeeds()
    {
        Assert.Equal(38682309379793UL, SeedPlan.For(1, SeedPurposes.MetaLearningEvaluation).Eval);
        Assert.Equal(71640273939107UL, SeedPlan.For(7, SeedPurposes.MetaLearningEvaluation).Eval);
        Assert.Equal(1655969716, SeedPlan.For(1, SeedPurposes.AccuracyTableRow(3)).DataSeed);
        Assert.Equal(838950050, SeedPlan.For(7, SeedPurposes.FashionMnistTableRow(2)).DataSeed);
        Assert.Equal(554650027, SeedPlan.For(1, SeedPurposes.KnownPromptTableRow(2.5)).DataSeed);
    }

    [Fact]
    public void EvaluationSequencesKeepTheirSeeds()
    {
        Assert.Equal(1220720081, SeedPlan.For(38682309379793UL, new EvalSequence(0)));
        Assert.Equal(571652094, SeedPlan.For(38682309379793UL, new EvalSequence(41)));
        Assert.Equal(1380716098, SeedPlan.For(12345UL, new EvalSequence(3)));
    }

    [Fact]
    public void SaltsKeepTheirConstants()
    {
        Assert.Equal(19101022, SeedPlan.For(12345, SeedPurposes.TrainingSet));
        Assert.Equal(124089112, SeedPlan.For(12345, SeedPurposes.TestSet));
        Assert.Equal(28372, SeedPlan.For(12345, SeedPurposes.ModelInit));
        Assert.Equal(16182, SeedPlan.For(12345, SeedPurposes.OrthogonalDirection));
        Assert.Equal(39087984, SeedPlan.For(12345, SeedPurposes.KnownPromptTraining));
        Assert.Equal(63364878, SeedPlan.For(12345, SeedPurposes.KnownPromptTest));
        Assert.Equal(1540479404, SeedPlan.For(12345, SeedPurposes.WrongBiasRedraw));
    }

    [Fact]
    public void FixedSeedsKeepTheirValues() => Assert.Equal(3017, SeedPurposes.GridOrdering(3, 17));
}
