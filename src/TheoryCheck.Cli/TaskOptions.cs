// --target / --pretrain: task distributions for the PT family ("coin:0.3", "mix:0.5@0.2,0.5@0.8", "beta:1,1"); --arch: its network.
// A malformed spec (bias outside (0,1), weights not summing to 1, empty mixture) is bad input: one line, exit 2.
using System.CommandLine;
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch.Models;

namespace TheoryCheck.Cli;

public static class TaskOptions
{
    public static Option<string?> TargetOption() => new("--target")
        { Description = "PT target task distribution, e.g. coin:0.3 or mix:0.5@0.2,0.5@0.8 (default: the built-in targets)" };

    public static Option<string?> PretrainOption() => new("--pretrain")
        { Description = "PT pretraining distribution, e.g. beta:1,1 or mix:0.5@0.2,0.5@0.8 (default: beta:1,1)" };

    public static Option<string?> ArchOption() => new("--arch")
        { Description = "PT network: lstm, transformer or both (default: both, as in p1 §4.2); recorded in the manifest" };

    /// <summary>--arch: null for both (or not given).</summary>
    /// <exception cref="BadInputException">Not lstm, transformer or both.</exception>
    public static Architecture? ParseArch(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "both" => null,
        "lstm" => Architecture.Lstm,
        "transformer" => Architecture.Transformer,
        _ => throw new BadInputException($"--arch must be lstm, transformer or both, got '{text}'"),
    };

    /// <summary>How the manifest records --arch: null for both.</summary>
    public static string? ArchName(Architecture? arch) => arch?.ToString().ToLowerInvariant();

    /// <summary>Parses an optional spec; null stays null.</summary>
    /// <exception cref="BadInputException">The spec does not parse or is out of range.</exception>
    public static TaskDistribution? Parse(string option, string? spec)
    {
        if (spec is null) return null;
        if (TaskDistributionParser.TryParse(spec, out var d, out var error)) return d;
        throw new BadInputException($"{option}: {error}");
    }
}
