// --target / --pretrain: task distributions for the PT family ("coin:0.3", "mix:0.5@0.2,0.5@0.8", "beta:1,1").
// A malformed spec (bias outside (0,1), weights not summing to 1, empty mixture) is bad input: one line, exit 2.
using System.CommandLine;
using TheoryCheck.Reference.Coins;

namespace TheoryCheck.Cli;

public static class TaskOptions
{
    public static Option<string?> TargetOption() => new("--target")
        { Description = "PT target task distribution, e.g. coin:0.3 or mix:0.5@0.2,0.5@0.8 (default: the built-in targets)" };

    public static Option<string?> PretrainOption() => new("--pretrain")
        { Description = "PT pretraining distribution, e.g. beta:1,1 or mix:0.5@0.2,0.5@0.8 (default: beta:1,1)" };

    /// <summary>Parses an optional spec; null stays null.</summary>
    /// <exception cref="BadInputException">The spec does not parse or is out of range.</exception>
    public static TaskDistribution? Parse(string option, string? spec)
    {
        if (spec is null) return null;
        if (TaskDistributionParser.TryParse(spec, out var d, out var error)) return d;
        throw new BadInputException($"{option}: {error}");
    }
}
