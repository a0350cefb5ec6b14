// LR-3 (Raventós et al. 2023, §3-4): pretrained on a few tasks, the network follows the Bayes predictor of that discrete task
// set, not ridge: it has learned the pretraining distribution, and a prompt can only select within its support (the
// analogue of P1's support condition for prefixes). Measured on prompts from the same task set.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Statistics;

namespace InContextRegression;

public sealed class FollowsTaskSet : RegressionClaim
{
    public static readonly FollowsTaskSet Claim = new();

    public override ClaimSpec Spec { get; } = new(
        Id: "LR-3", Paper: "Raventós et al. 2023", Source: "§3-4 (below the task-diversity threshold the model is Bayes for the task set)", Family: RegressionSetup.Family,
        Statement: "Pretrained on prompts from 4 tasks w_1 … w_4 ~ N(0, I_5), the network predicts within mean squared gap 0.6 of that " +
                   "task set's posterior mean at every prompt length 0 … 9, and at least 0.3 closer to it than to ridge, averaged over the lengths.",
        Bounds: new[]
        {
            Bound.AtMost("max_gap_to_task_posterior", 0.6, "calibration (examples/InContextRegression/README.md): truth's 95 % limit ≤ 0.38 over 12 cases at seeds 1-6; the Gaussian-pretrained network's ≥ 1.65"),
            Bound.AtLeast("ridge_gap_minus_task_gap", 0.3, "calibration (examples/InContextRegression/README.md): truth's 95 % lower limit ≥ 0.65 over 12 cases at seeds 1-6; the Gaussian-pretrained network's upper ≤ −0.84"),
        },
        Control: "the Gaussian-pretrained network of LR-1 (which follows ridge) on the same prompts must fail",
        Presets: Presets, EveryBoundControlled: true);

    public override CaseOutcome Evaluate(EvalSet c, RunContext ctx)
    {
        var p = RegressionSetup.Preset(ctx.Scale);
        var tasks = RegressionSetup.FiniteTasks(ctx);
        var prompts = RegressionSetup.EvalPrompts(ctx, tasks, c.Seed);
        Measurement[] Bounds(double[][] predicted)
        {
            var toTasks = RegressionSetup.MeanSquaredGap(prompts, (q, k) => predicted[Array.IndexOf(prompts, q)][k],
                (q, k) => BayesPredictors.FiniteSetPosterior(tasks, p.NoiseSd, q, k, q.X[k]), p.Points);
            var preference = Measurement.MeanOf(prompts.Select((q, i) => Enumerable.Range(0, p.Points).Average(k =>
                Math.Pow(predicted[i][k] - BayesPredictors.Ridge(q, k, q.X[k], p.NoiseSd * p.NoiseSd), 2)
                - Math.Pow(predicted[i][k] - BayesPredictors.FiniteSetPosterior(tasks, p.NoiseSd, q, k, q.X[k]), 2))).ToArray(), "prompts");
            return new[] { BayesRidge.Worst(toTasks), preference };
        }
        var net = Bounds(RegressionSetup.Pretrained(ctx, tasks).Predict(prompts));
        var gaussian = Bounds(RegressionSetup.Pretrained(ctx, tasks: null).Predict(prompts));
        return new CaseOutcome(c.ToString(), net, new Measurement?[] { gaussian[0], gaussian[1] });
    }
}
