// A mutant with a strength knob that needs no training to turn (a prior's shift, a context window, a prompt-norm factor):
// `power` bisects it between the real thing and its catalogued strength, to the weakest strength a claim still kills,
// the claim's minimal detectable effect.
namespace TheoryCheck.Claims.Power;

public interface IGradedMutant
{
    /// <summary>The knob in words, e.g. "prior shift ε".</summary>
    string Knob { get; }

    /// <summary>The catalogued strength (the fixed one the matrix runs).</summary>
    double Catalogued { get; }

    /// <summary>The strength at which the mutant is the real thing.</summary>
    double Identity { get; }

    /// <summary>Knob values are whole numbers (a window length).</summary>
    bool Integer => false;

    /// <summary>The same mutant at another strength.</summary>
    Mutant At(double strength);
}

public static class MinimalEffect
{
    /// <summary>Bisects between <see cref="IGradedMutant.Identity"/> (taken as surviving) and a killed catalogued strength until
    /// the bracket is within 1/16 of that range: returns (weakest killed, strongest survived). <paramref name="killed"/> runs the
    /// claim with the mutant at a strength.</summary>
    public static (double Killed, double Survived) Bisect(IGradedMutant m, Func<Mutant, bool> killed)
    {
        double hi = m.Catalogued, lo = m.Identity, width = Math.Abs(hi - lo) / 16;
        while (Math.Abs(hi - lo) > width)
        {
            double mid = (lo + hi) / 2;
            if (m.Integer) mid = Math.Round(mid);
            if (mid == lo || mid == hi) break;
            if (killed(m.At(mid))) hi = mid; else lo = mid;
        }
        return (hi, lo);
    }
}
