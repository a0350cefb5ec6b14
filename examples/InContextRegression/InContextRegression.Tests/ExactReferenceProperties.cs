// The exact references the LR claims judge by, checked before any network is trusted: ridge is the Gaussian posterior mean
// (its error is the Bayes risk in closed form), least squares interpolates with minimum norm below d points, and the task-set
// posterior is the task mean before any point and the true task after enough points.
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InContextRegression;
using Xunit;

namespace InContextRegression.Tests;

[Trait("Tier", "Fast")]
public sealed class ExactReferenceProperties
{
    const double Sigma = 0.5;

    static RegressionPrompt Prompt(int seed, int d = 5, int k = 10) =>
        RegressionTasks.Prompt(RegressionTasks.Normal(d, new Random(seed)), k, Sigma, new Random(seed + 1));

    [Property(MaxTest = 50)]
    public bool LeastSquaresInterpolatesBelowDPoints(PositiveInt seed)
    {
        var p = Prompt(seed.Get);
        // Fit on the first 3 points, then predict each of them: the interpolator returns their y exactly.
        return Enumerable.Range(0, 3).All(i => Math.Abs(BayesPredictors.MinNormLeastSquares(p, 3, p.X[i]) - p.Y[i]) < 1e-9);
    }

    [Property(MaxTest = 50)]
    public bool RidgeShrinksLeastSquaresAndVanishingPenaltyRecoversIt(PositiveInt seed)
    {
        var p = Prompt(seed.Get);
        double ols = BayesPredictors.MinNormLeastSquares(p, 7, p.X[7]);
        return Math.Abs(BayesPredictors.Ridge(p, 7, p.X[7], 1e-9) - ols) < 1e-6 && BayesPredictors.Ridge(p, 0, p.X[0], Sigma * Sigma) == 0;
    }

    [Fact]
    public void RidgeErrorIsTheGaussianBayesRiskInClosedForm()
    {
        // Bayes risk after k points: σ² + σ² E[x·(XᵀX + σ²I)⁻¹x]; at k = 0 it is σ² + d. Monte Carlo over 20,000 prompts.
        var rng = new Random(7);
        var prompts = Enumerable.Range(0, 20_000).Select(_ => RegressionTasks.Prompt(RegressionTasks.Normal(5, rng), 10, Sigma, rng)).ToArray();
        var atZero = TheoryCheck.Claims.Statistics.Measurement.MeanOf(prompts.Select(p => Math.Pow(p.Y[0], 2)).ToArray());
        Assert.InRange(atZero.Value, 5.25 - 4 * atZero.Se, 5.25 + 4 * atZero.Se);
        // With 9 points the ridge error is between the noise floor σ² and 3σ² (d = 5 leaves the posterior wide: about 0.58)
        // and below least squares'.
        var ridge9 = prompts.Average(p => Math.Pow(BayesPredictors.Ridge(p, 9, p.X[9], Sigma * Sigma) - p.Y[9], 2));
        var ols9 = prompts.Average(p => Math.Pow(BayesPredictors.MinNormLeastSquares(p, 9, p.X[9]) - p.Y[9], 2));
        Assert.InRange(ridge9, Sigma * Sigma, 3 * Sigma * Sigma);
        Assert.True(ridge9 < ols9, $"ridge {ridge9} should beat least squares {ols9} at k = 9");
    }

    [Property(MaxTest = 50)]
    public bool TaskPosteriorIsTheTaskMeanFirstAndTheTrueTaskLater(PositiveInt seed)
    {
        var tasks = RegressionTasks.FiniteSet(4, 5, new Random(seed.Get));
        var rng = new Random(seed.Get + 9);
        var p = RegressionTasks.Prompt(tasks[2], 10, Sigma, rng);
        double mean = tasks.Average(w => RegressionTasks.Dot(w, p.X[0]));
        bool first = Math.Abs(BayesPredictors.FiniteSetPosterior(tasks, Sigma, p, 0, p.X[0]) - mean) < 1e-12;
        // After 9 noisy points the true task's likelihood dominates unless two tasks nearly coincide.
        double truth = RegressionTasks.Dot(tasks[2], p.X[9]);
        bool separated = tasks.Where((w, j) => j != 2).All(w => w.Zip(tasks[2], (a, b) => (a - b) * (a - b)).Sum() > 1);
        return first && (!separated || Math.Abs(BayesPredictors.FiniteSetPosterior(tasks, Sigma, p, 9, p.X[9]) - truth) < 1e-3);
    }
}
