// What one tuning run leaves behind, in plain numbers: the mean regret curve and the per-sequence regrets at the horizons.
using System.Text.Json.Nodes;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Statistics;

namespace TheoryCheck.Claims.PromptTuning;

/// <param name="MeanCurve">Mean cumulative regret after n = 0..EvalLength tokens over the evaluation set.</param>
/// <param name="PerSequence">Per-sequence cumulative regret at each evaluated horizon (PromptingSetup.Horizons up to the eval length).</param>
/// <param name="Detail">What was learned, e.g. the hard prefix's tokens.</param>
public sealed record RunOutcome(Method Method, int Rep, double[] MeanCurve, IReadOnlyDictionary<int, double[]> PerSequence,
                                string Detail, double Seconds)
{
    /// <summary>The hard prefix's tokens (HardPT only), e.g. "000100".</summary>
    public int[]? HardBits { get; init; }

    public int HardOnes => HardBits?.Count(b => b == 1) ?? throw new InvalidOperationException($"{Method} has no hard prefix");

    /// <summary>Mean regret at horizon n with its SE over the evaluation sequences.</summary>
    public Measurement At(int n) => PerSequence.TryGetValue(n, out var v)
        ? Measurement.MeanOf(v)
        : throw new ArgumentOutOfRangeException(nameof(n), $"horizon {n} was not evaluated (evaluation length {MeanCurve.Length - 1})");

    /// <summary>This outcome as a checkpoint (<see cref="Checkpoints"/>): every number by its exact bits.</summary>
    public JsonNode ToJson()
    {
        var perSequence = new JsonObject();
        foreach (var (h, v) in PerSequence) perSequence[h.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Checkpoints.Bits(v);
        return new JsonObject
        {
            ["method"] = Method.ToString(), ["rep"] = Rep, ["meanCurve"] = Checkpoints.Bits(MeanCurve), ["perSequence"] = perSequence,
            ["detail"] = Detail, ["seconds"] = Seconds,
            ["hardBits"] = HardBits is null ? null : new JsonArray(HardBits.Select(b => (JsonNode?)JsonValue.Create(b)).ToArray()),
        };
    }

    /// <exception cref="InvalidDataException">Not an outcome <see cref="ToJson"/> wrote.</exception>
    public static RunOutcome FromJson(JsonNode node)
    {
        var method = Enum.TryParse<Method>((string?)node["method"], out var m) ? m : throw new InvalidDataException("unknown method");
        var perSequence = (node["perSequence"] as JsonObject ?? throw new InvalidDataException("no per-sequence regrets"))
            .ToDictionary(p => int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture), p => Checkpoints.FromBits(p.Value));
        return new RunOutcome(method, (int)node["rep"]!, Checkpoints.FromBits(node["meanCurve"]), perSequence,
                              (string?)node["detail"] ?? "", (double)node["seconds"]!)
        {
            HardBits = node["hardBits"] is JsonArray bits ? bits.Select(b => (int)b!).ToArray() : null,
        };
    }
}
