// Seeded percentile bootstrap over repetitions: the 95 % interval of a statistic of per-seed values.
namespace TheoryCheck.Claims.Statistics;

public static class Bootstrap
{
    /// <summary>Median of the repetitions with a seeded 95 % percentile-bootstrap interval and its bootstrap SE.</summary>
    public static Measurement Median(IReadOnlyList<double> reps, int seed, int resamples = 2000)
    {
        if (reps.Count == 0) throw new ArgumentException("no repetitions to bootstrap");
        var rng = new Random(seed);
        var stats = new double[resamples];
        var buf = new double[reps.Count];
        for (int b = 0; b < resamples; b++)
        {
            for (int i = 0; i < buf.Length; i++) buf[i] = reps[rng.Next(reps.Count)];
            stats[b] = Quantile(buf, 0.5);
        }
        double mean = stats.Average();
        double se = Math.Sqrt(stats.Sum(s => (s - mean) * (s - mean)) / Math.Max(1, resamples - 1));
        return new Measurement(Quantile(reps.ToArray(), 0.5), se, reps.Count,
            $"median of {reps.Count} repetitions (bootstrap 95 %)", Quantile(stats, 0.025), Quantile(stats, 0.975));
    }

    /// <summary>Linear-interpolation quantile (type 7), q ∈ [0, 1].</summary>
    public static double Quantile(double[] values, double q)
    {
        var s = values.OrderBy(v => v).ToArray();
        double pos = q * (s.Length - 1);
        int lo = (int)Math.Floor(pos), hi = Math.Min(lo + 1, s.Length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}
