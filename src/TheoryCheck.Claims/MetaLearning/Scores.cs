// Per-sequence scores of a model's predictions against exact references: KL to the Bayes predictor, regret vs the oracle.
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch;
using TheoryCheck.Torch.Models;
using TheoryCheck.Torch.Training;

namespace TheoryCheck.Claims.MetaLearning;

public static class Scores
{
    /// <summary>Mean over t &lt; length of KL(Bayes(·|x_&lt;t) ‖ model(·|x_&lt;t)), per sequence.</summary>
    public static double[] KlPerStep(double[][] modelP1, int[][] bits, ICountPredictor bayes, int length)
    {
        var result = new double[bits.Length];
        for (int i = 0; i < bits.Length; i++)
        {
            int ones = 0; double sum = 0;
            for (int t = 0; t < length; t++)
            {
                sum += CoinMath.BernoulliKL(bayes.PredictOne(ones, t), modelP1[i][t]);
                ones += bits[i][t];
            }
            result[i] = sum / length;
        }
        return result;
    }

    /// <summary>
    /// Evaluation sequences offset..offset+count-1 of the stream seeded by <paramref name="evalSeed"/>: sequence i depends only
    /// on (seed, i), so a larger evaluation set extends a smaller one.
    /// </summary>
    public static (int[][] Bits, double[] Biases) EvalSet(TaskDistribution target, ulong evalSeed, int offset, int count, int length)
    {
        var bits = new int[count][]; var biases = new double[count];
        for (int i = 0; i < count; i++)
        {
            var rng = new Random(SeedPlan.For(evalSeed, new EvalSequence(offset + i)));
            var (b, tau) = CoinSampler.Sample(target, 1, length, rng);
            bits[i] = b[0]; biases[i] = tau[0];
        }
        return (bits, biases);
    }

    /// <summary>KL per step of a subject (a network, or a near miss standing in for one) against the Bayes predictor of the prior,
    /// on eval sequences [offset, offset+count).</summary>
    public static IReadOnlyList<double> SubjectKl(CoinSubject subject, TaskDistribution prior, ICountPredictor bayes, ulong evalSeed,
                                                  int offset, int count, int length)
    {
        var (bits, _) = EvalSet(prior, evalSeed, offset, count, length);
        return KlPerStep(subject.PredictOnes(bits), bits, bayes, length);
    }
}
