// Parses the catalogue names of task distributions ("beta:1,1", "coin:0.2", "mix:0.5@0.2,0.5@0.8"); inverse of TaskDistribution.Name.
// Syntax errors throw FormatException, out-of-range values ArgumentException; both carry a one-line message.
using System.Globalization;

namespace TheoryCheck.Reference.Coins;

public static class TaskDistributionParser
{
    /// <summary>Parses and validates a spec. Whitespace around tokens is ignored; numbers use InvariantCulture.</summary>
    public static TaskDistribution Parse(string spec)
    {
        if (string.IsNullOrWhiteSpace(spec))
            throw new FormatException("Empty task distribution spec; expected 'beta:a,b', 'coin:p' or 'mix:w@p,...'.");
        int colon = spec.IndexOf(':');
        if (colon < 0)
            throw new FormatException($"Task distribution spec '{spec}' lacks a kind prefix ('beta:', 'coin:' or 'mix:').");
        string kind = spec[..colon].Trim().ToLowerInvariant(), body = spec[(colon + 1)..];
        TaskDistribution d = kind switch
        {
            "beta" => ParseBeta(spec, body),
            "coin" => new SingleCoin(Number(spec, body, "coin bias")),
            "mix" => ParseMix(spec, body),
            _ => throw new FormatException($"Unknown task distribution kind '{kind}' in '{spec}'; expected beta, coin or mix."),
        };
        return d.Validate();
    }

    /// <summary>Like <see cref="Parse"/> but returns false and a message instead of throwing.</summary>
    public static bool TryParse(string spec, out TaskDistribution? result, out string? error)
    {
        try { result = Parse(spec); error = null; return true; }
        catch (Exception e) when (e is FormatException or ArgumentException) { result = null; error = e.Message; return false; }
    }

    static RandomCoins ParseBeta(string spec, string body)
    {
        var parts = body.Split(',');
        if (parts.Length != 2)
            throw new FormatException($"'{spec}': beta needs exactly two parameters, as in 'beta:1,1'.");
        return new RandomCoins(Number(spec, parts[0], "alpha"), Number(spec, parts[1], "beta"));
    }

    static CoinMixture ParseMix(string spec, string body)
    {
        var comps = new List<(double, double)>();
        foreach (string part in body.Split(','))
        {
            var wp = part.Split('@');
            if (wp.Length != 2)
                throw new FormatException($"'{spec}': mixture component '{part.Trim()}' must be 'weight@bias', as in 'mix:0.5@0.2,0.5@0.8'.");
            comps.Add((Number(spec, wp[0], "mixture weight"), Number(spec, wp[1], "mixture bias")));
        }
        return new CoinMixture(comps);
    }

    static double Number(string spec, string token, string what)
    {
        string t = token.Trim();
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) || !double.IsFinite(x))
            throw new FormatException($"'{spec}': {what} '{t}' is not a finite number.");
        return x;
    }
}
