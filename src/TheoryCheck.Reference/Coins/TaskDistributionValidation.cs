// Range checks for task distributions; every exact routine calls these before trusting its input.
using System.Globalization;

namespace TheoryCheck.Reference.Coins;

public static class TaskDistributionValidation
{
    /// <summary>Tolerance on Σ weights = 1 for <see cref="CoinMixture"/>.</summary>
    public const double WeightSumTolerance = 1e-9;

    /// <summary>Throws <see cref="ArgumentException"/> with a one-line reason unless <paramref name="d"/> is well-formed; returns it otherwise.</summary>
    public static T Validate<T>(this T d) where T : TaskDistribution
    {
        switch (d)
        {
            case null:
                throw new ArgumentNullException(nameof(d));
            case RandomCoins rc:
                if (!(rc.Alpha > 0) || !(rc.Beta > 0) || double.IsInfinity(rc.Alpha) || double.IsInfinity(rc.Beta))
                    throw new ArgumentException(Inv($"Beta parameters must be finite and > 0, got α={rc.Alpha}, β={rc.Beta}."));
                break;
            case SingleCoin c:
                RequireBias(c.P, "coin");
                break;
            case CoinMixture m:
                if (m.Components is null || m.Components.Count == 0)
                    throw new ArgumentException("Coin mixture needs at least one component.");
                double sum = 0;
                foreach (var (w, p) in m.Components)
                {
                    if (!(w >= 0) || double.IsInfinity(w))
                        throw new ArgumentException(Inv($"Mixture weight must be finite and >= 0, got {w}."));
                    RequireBias(p, "mixture component");
                    sum += w;
                }
                if (Math.Abs(sum - 1) > WeightSumTolerance)
                    throw new ArgumentException(Inv($"Mixture weights must sum to 1 (±{WeightSumTolerance}), got {sum:R}."));
                break;
            default:
                throw new ArgumentException($"Unknown task distribution type {d.GetType().Name}.");
        }
        return d;
    }

    /// <summary>Requires a coin bias p = P(token 1) strictly inside (0, 1).</summary>
    public static double RequireBias(double p, string what)
    {
        if (!(p > 0 && p < 1))
            throw new ArgumentException(Inv($"{what} bias must lie in (0, 1), got {p}."));
        return p;
    }

    static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
