// Distributions over coin biases τ = P(token 1) (p1 §2.2). A sequence is drawn by sampling τ once, then i.i.d. flips.
using MathNet.Numerics.Distributions;

namespace TheoryCheck.Reference.Coins;

/// <summary>A distribution over atomic coin tasks. Immutable; <see cref="Name"/> is the catalogue key used in tables.</summary>
public abstract record TaskDistribution
{
    /// <summary>Draws one bias τ ∈ [0, 1] with the caller's generator.</summary>
    public abstract double SampleBias(Random rng);

    /// <summary>Stable, parseable name, e.g. "beta:1,1", "coin:0.2", "mix:0.5@0.2,0.5@0.8".</summary>
    public abstract string Name { get; }

    public override string ToString() => Name;
}

/// <summary>τ ~ Beta(α, β), α, β &gt; 0. Beta(1,1) is the paper's "Random Coins" pretraining distribution.</summary>
public sealed record RandomCoins(double Alpha, double Beta) : TaskDistribution
{
    public override double SampleBias(Random rng) => MathNet.Numerics.Distributions.Beta.Sample(rng, Alpha, Beta);
    public override string Name => FormattableString.Invariant($"beta:{Alpha:0.####},{Beta:0.####}");
}

/// <summary>A single coin with fixed bias P(token 1) = p ∈ (0, 1).</summary>
public sealed record SingleCoin(double P) : TaskDistribution
{
    public override double SampleBias(Random rng) => P;
    public override string Name => FormattableString.Invariant($"coin:{P:0.####}");
}

/// <summary>A finite mixture of coins: bias p_i with weight w_i (weights sum to 1).</summary>
public sealed record CoinMixture(IReadOnlyList<(double Weight, double P)> Components) : TaskDistribution
{
    public override double SampleBias(Random rng)
    {
        double u = rng.NextDouble(), acc = 0;
        foreach (var (w, p) in Components) { acc += w; if (u < acc) return p; }
        return Components[^1].P;
    }

    public override string Name =>
        "mix:" + string.Join(",", Components.Select(c => FormattableString.Invariant($"{c.Weight:0.####}@{c.P:0.####}")));

    public bool Equals(CoinMixture? other) => other is not null && Components.SequenceEqual(other.Components);
    public override int GetHashCode() => Components.Aggregate(17, (h, c) => h * 31 + c.GetHashCode());
}
