// A named knob of a claim that a boundary map moves (docs/maps.md: where each claim stops holding): its own definition range,
// grid step and unit, its value at each scale preset, and the part of it where the claim's statement is declared to hold.
using System.Globalization;
using TheoryCheck.Claims.Core;

namespace TheoryCheck.Claims.Maps;

/// <param name="Min">The knob's own definition (a step count ≥ 1, a probability ≤ 1): a map outside it is bad input.</param>
/// <param name="Step">Grid resolution: points snap to Min + k·Step (1 for counts), and bisection stops at adjacent points.</param>
/// <param name="Default">The scale preset's value: every other knob of a map stays there.</param>
/// <param name="Domain">Where the claim's statement is declared to hold; a map may cross it, and points outside are marked.</param>
public sealed record Axis(string Name, double Min, double Max, double Step, string Unit, string Description,
                          Func<Scale, double> Default, (double Lo, double Hi)? Domain = null)
{
    /// <summary>The grid point nearest <paramref name="x"/>, inside [Min, Max].</summary>
    public double Snap(double x) => Math.Clamp(Math.Round(Math.Round((x - Min) / Step) * Step + Min, 10), Min, Max);

    public bool InDomain(double x) => Domain is not { } d || (x >= d.Lo - 1e-12 && x <= d.Hi + 1e-12);

    public string Format(double x) => x.ToString(Step >= 1 ? "0" : "0.####", CultureInfo.InvariantCulture);

    /// <summary>One line of `map CLAIM --axes`: NAME LO..HI UNIT description (default at ci; domain).</summary>
    public string Line() =>
        $"{Name} {Format(Min)}..{Format(Max)} {Unit} {Description} (ci: {(double.IsNaN(Default(Scale.Ci)) ? "drawn per case" : Format(Default(Scale.Ci)))}" +
        (Domain is { } d ? $"; the claim's domain {Format(d.Lo)}..{Format(d.Hi)})" : ")");
}

/// <summary>The knob values a map point sets, read by the claims that declare them (RunContext.Knob).</summary>
public sealed record KnobValues(IReadOnlyDictionary<string, double> Values)
{
    public static readonly KnobValues None = new(new Dictionary<string, double>());
}
