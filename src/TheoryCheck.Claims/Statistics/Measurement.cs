// A measured value with its uncertainty: SE over evaluation sequences, or a bootstrap interval over repetitions.
namespace TheoryCheck.Claims.Statistics;

/// <param name="Value">Point estimate (mean, median, or the exact value).</param>
/// <param name="Se">Standard error; 0 for exact math.</param>
/// <param name="Samples">Evaluation sequences or repetitions behind the value; 0 for exact math.</param>
/// <param name="Method">"exact", "mean of N sequences", "median of R repetitions (bootstrap)", ...</param>
/// <param name="Low">Lower end of a 95 % interval when one was computed (bootstrap), else Value − z·SE.</param>
/// <param name="High">Upper end, likewise.</param>
public sealed record Measurement(double Value, double Se, int Samples, string Method, double? Low = null, double? High = null)
{
    /// <summary>One-sided 95 % normal quantile.</summary>
    public const double Z = 1.6448536269514722;

    public static Measurement Exact(double value) => new(value, 0, 0, "exact");

    const string NotApplicablePrefix = "not applicable: ";

    /// <summary>A bound this run cannot measure, with why (e.g. `--arch lstm` leaves out the only network it is about). The judge
    /// neither passes nor fails it: it is reported as "not applicable (why)", and the claim is judged on its other bounds.</summary>
    public static Measurement NotApplicable(string why) => new(double.NaN, 0, 0, NotApplicablePrefix + why);

    public bool IsNotApplicable => MarksNotApplicable(Value, Method);

    /// <summary>The same test on stored values (a results.json bound keeps the value and the method, not the Measurement).</summary>
    public static bool MarksNotApplicable(double value, string method) =>
        double.IsNaN(value) && method.StartsWith(NotApplicablePrefix, StringComparison.Ordinal);

    /// <summary>Mean and standard error of independent per-sequence values.</summary>
    public static Measurement MeanOf(IReadOnlyList<double> values, string what = "sequences")
    {
        if (values.Count == 0) throw new ArgumentException("cannot measure an empty sample");
        double mean = values.Average();
        double var = values.Count > 1 ? values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1) : 0;
        return new(mean, Math.Sqrt(var / values.Count), values.Count, $"mean of {values.Count} {what}");
    }

    /// <summary>
    /// a − b with SE in quadrature: exact for independent measurements, conservative for positively correlated ones (a shared
    /// evaluation set). <paramref name="what"/> defaults to naming both methods.
    /// </summary>
    public static Measurement Difference(Measurement a, Measurement b, string? what = null) =>
        new(a.Value - b.Value, Math.Sqrt(a.Se * a.Se + b.Se * b.Se), Math.Min(a.Samples, b.Samples),
            what ?? $"difference of ({a.Method}) and ({b.Method})");

    /// <summary>Upper one-sided 95 % confidence limit.</summary>
    public double Upper => High ?? Value + Z * Se;

    /// <summary>Lower one-sided 95 % confidence limit.</summary>
    public double Lower => Low ?? Value - Z * Se;

    public bool IsExact => Se == 0 && Low is null && High is null;

    public override string ToString() =>
        IsNotApplicable ? Method : IsExact ? FormattableString.Invariant($"{Value:G4}") : FormattableString.Invariant($"{Value:G4} ± {Se:G2}");
}
