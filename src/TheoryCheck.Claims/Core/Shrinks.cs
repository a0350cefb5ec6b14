// Shrink candidates for the exact claims' case types: smaller sizes first, then halfway steps, like FsCheck's integer
// shrinker. Each claim filters them to its own domain; training claims never shrink (every candidate would train).
namespace TheoryCheck.Claims.Core;

public static class Shrinks
{
    /// <summary>Integers from <paramref name="min"/> towards <paramref name="value"/> (exclusive): min, then value − (value − min)/2, …, value − 1.</summary>
    public static IEnumerable<int> Toward(int value, int min)
    {
        if (value <= min) yield break;
        yield return min;
        for (int gap = (value - min) / 2; gap >= 1; gap /= 2)
            if (value - gap != min) yield return value - gap;
    }

    /// <summary>Doubles from <paramref name="target"/> towards <paramref name="value"/> on a grid of <paramref name="step"/>.</summary>
    public static IEnumerable<double> Toward(double value, double target, double step)
    {
        int steps = (int)Math.Round(Math.Abs(value - target) / step);
        int sign = value > target ? 1 : -1;
        return Toward(steps, 0).Select(k => Math.Round((target + sign * k * step) / step) * step);
    }
}
