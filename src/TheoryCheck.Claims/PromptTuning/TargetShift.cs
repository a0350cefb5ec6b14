// A target whose coins are off by a small shift: the near miss of a tuner that learned the wrong task. The catalogued mutant
// pt-target-off and the weight-tuning controls of PT-5, PT-6 and PT-8 share this one definition.
using TheoryCheck.Reference.Coins;

namespace TheoryCheck.Claims.PromptTuning;

public static class TargetShift
{
    /// <summary>The shift the weight-tuning controls use: the pt-target-off mutant's, which PT-5, PT-6 and PT-8 reject at
    /// 0.28–0.40 nats against bounds of 0.05–0.15 (docs/power.md#pt-family).</summary>
    public const double NearMiss = 0.05;

    /// <summary><paramref name="target"/> with every coin moved by <paramref name="shift"/>: p + shift, or p − shift where
    /// p + shift would reach 1. Zero returns the target itself.</summary>
    public static TaskDistribution Apply(TaskDistribution target, double shift)
    {
        if (shift == 0) return target;
        double Off(double p) => p + shift < 1 - 1e-9 ? p + shift : p - shift;
        return target switch
        {
            SingleCoin c => new SingleCoin(Off(c.P)),
            CoinMixture m => new CoinMixture(m.Components.Select(c => (c.Weight, Off(c.P))).ToArray()),
            _ => target,
        };
    }
}
