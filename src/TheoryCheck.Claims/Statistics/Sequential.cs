// Adaptive evaluation: while the confidence interval straddles the bound, draw more evaluation sequences
// (seeded, cheap on a frozen model) up to a stated cap, then decide.
using TheoryCheck.Claims.Core;

namespace TheoryCheck.Claims.Statistics;

public static class Sequential
{
    /// <summary>
    /// Measures a mean over per-sequence values. <paramref name="draw"/>(offset, count) returns the values of sequences
    /// offset..offset+count-1 of one seeded stream, so a larger sample extends the smaller one.
    /// </summary>
    /// <param name="initial">Sequences drawn first, ≥ 2.</param>
    /// <param name="cap">Most sequences ever drawn; the sample doubles until the interval clears the bound or this cap.</param>
    public static Measurement Mean(Func<int, int, IReadOnlyList<double>> draw, Bound bound, int initial, int cap,
                                   string what = "sequences")
    {
        if (initial < 2 || cap < initial) throw new ArgumentException($"need 2 ≤ initial ≤ cap, got {initial}, {cap}");
        return Measure(draw, values => Measurement.MeanOf(values, what), bound.Value, initial, cap);
    }

    /// <summary>
    /// The general form: <paramref name="measure"/> of the values drawn so far (e.g. |mean|), starting with
    /// <paramref name="initial"/> values and doubling, up to <paramref name="cap"/>, while its 90 % interval contains
    /// <paramref name="bound"/>. <paramref name="draw"/>(offset, count) as in <see cref="Mean"/>.
    /// </summary>
    public static Measurement Measure(Func<int, int, IReadOnlyList<double>> draw, Func<IReadOnlyList<double>, Measurement> measure,
                                      double bound, int initial, int cap)
    {
        var values = new List<double>(draw(0, initial));
        var m = measure(values);
        while (Straddles(m, bound) && values.Count < cap)
        {
            int more = Math.Min(values.Count, cap - values.Count);
            values.AddRange(draw(values.Count, more));
            m = measure(values);
        }
        return m;
    }

    /// <summary>The two-sided 90 % interval (both one-sided 95 % limits) contains the bound value: undecided.</summary>
    public static bool Straddles(Measurement m, Bound bound) => Straddles(m, bound.Value);

    static bool Straddles(Measurement m, double bound) => m.Lower <= bound && bound <= m.Upper;
}
