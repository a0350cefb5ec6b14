// Parsing of catalogue names and the validation messages shared by predictors and exact routines.
using TheoryCheck.Reference.Coins;

namespace TheoryCheck.Tests.Reference;

[Trait("Tier", "Fast")]
public sealed class TaskDistributionParserTests
{
    [Fact]
    public void ParsesThePaperDistributions()
    {
        Assert.Equal(new RandomCoins(1, 1), TaskDistributionParser.Parse("beta:1,1"));
        Assert.Equal(new SingleCoin(0.2), TaskDistributionParser.Parse("coin:0.2"));
        Assert.Equal(new CoinMixture([(0.5, 0.2), (0.5, 0.8)]), TaskDistributionParser.Parse("mix:0.5@0.2,0.5@0.8"));
        Assert.Equal(new RandomCoins(0.5, 2.5), TaskDistributionParser.Parse(" beta: 0.5 , 2.5 "));
        Assert.Equal("mix:0.25@0.2,0.75@0.8", TaskDistributionParser.Parse("mix:0.25@0.2,0.75@0.8").Name);
    }

    [Theory]
    [InlineData("", "Empty")]
    [InlineData("0.2", "kind prefix")]
    [InlineData("gauss:0,1", "Unknown task distribution kind 'gauss'")]
    [InlineData("beta:1", "exactly two parameters")]
    [InlineData("beta:x,1", "alpha 'x'")]
    [InlineData("beta:1,x", "'x' is not a finite number")]
    [InlineData("coin:0,2", "coin bias '0,2'")]
    [InlineData("coin:NaN", "not a finite number")]
    [InlineData("mix:0.5@0.2,0.5", "must be 'weight@bias'")]
    public void MalformedSpecsGiveFormatErrors(string spec, string messagePart)
    {
        var e = Assert.Throws<FormatException>(() => TaskDistributionParser.Parse(spec));
        Assert.Contains(messagePart, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("coin:1.2", "bias must lie in (0, 1), got 1.2")]
    [InlineData("coin:0", "bias must lie in (0, 1)")]
    [InlineData("beta:0,1", "Beta parameters must be finite and > 0")]
    [InlineData("mix:0.5@0.2,0.4@0.8", "must sum to 1")]
    [InlineData("mix:1.5@0.2,-0.5@0.8", "weight must be finite and >= 0")]
    [InlineData("mix:0.5@0.2,0.5@1", "mixture component bias")]
    public void OutOfRangeSpecsGiveArgumentErrors(string spec, string messagePart)
    {
        var e = Assert.Throws<ArgumentException>(() => TaskDistributionParser.Parse(spec));
        Assert.Contains(messagePart, e.Message);
        Assert.False(TaskDistributionParser.TryParse(spec, out _, out var error));
        Assert.Equal(e.Message, error);
    }

    [Fact]
    public void PredictorsValidateTheirInputs()
    {
        Assert.Contains("> 0", Assert.Throws<ArgumentException>(() => new BetaBernoulliPredictor(0, 1)).Message);
        Assert.Contains("(0, 1)", Assert.Throws<ArgumentException>(() => new SingleCoinPredictor(1)).Message);
        Assert.Contains("at least one component", Assert.Throws<ArgumentException>(() => new MixturePredictor(new CoinMixture([]))).Message);
        Assert.Contains("sum to 1", Assert.Throws<ArgumentException>(() => BayesPredictor.For(new CoinMixture([(0.5, 0.3)]))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BetaBernoulliPredictor(1, 1).PredictOne(3, 2));
        Assert.Throws<ArgumentException>(() => new BetaBernoulliPredictor(1, 1).PredictOnes([0, 2]));
        Assert.True(new CoinMixture([(0.5 + 5e-10, 0.2), (0.5, 0.8)]).Validate() is not null);   // within 1e-9
    }

    [Fact]
    public void BayesPredictorForPicksTheConjugateForm()
    {
        Assert.IsType<BetaBernoulliPredictor>(BayesPredictor.For(new RandomCoins(2, 3)));
        Assert.Equal(0.2, BayesPredictor.For(new SingleCoin(0.2)).PredictOne(7, 9));
        var mix = BayesPredictor.For(new CoinMixture([(0.5, 0.2), (0.5, 0.8)]));
        Assert.Equal(0.5, mix.PredictOne(0, 0), 1e-15);
        Assert.Equal(0.5, mix.PredictOne(3, 6), 1e-15);   // posterior depends only on the count difference
        Assert.Equal([0.4, 0.5, 3.0 / 7], new BetaBernoulliPredictor(2, 3).PredictOnes([1, 0, 1]));   // (k+α)/(n+α+β)
    }
}
