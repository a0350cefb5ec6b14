// Named run sizes. smoke = seconds (unit tests), ci = default of `dotnet test`, paper = the papers' settings.
namespace TheoryCheck.Claims.Core;

public enum Scale { Smoke, Ci, Paper }

public static class Scales
{
    public static string Name(this Scale s) => s.ToString().ToLowerInvariant();

    /// <summary>Torch threads for a scale: 1 for the small smoke/ci models, every core for paper widths (bench in README).</summary>
    public static int TorchThreads(this Scale s) => s == Scale.Paper ? Environment.ProcessorCount : 1;

    /// <summary>Parses "smoke" | "ci" | "paper" (case-insensitive); throws with the allowed values otherwise.</summary>
    public static Scale Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "smoke" => Scale.Smoke,
        "ci" => Scale.Ci,
        "paper" => Scale.Paper,
        _ => throw new ArgumentException($"unknown scale '{text}' (expected smoke, ci or paper)"),
    };

    /// <summary>Picks the preset of a scale.</summary>
    public static T Pick<T>(this Scale s, T smoke, T ci, T paper) => s switch
    {
        Scale.Smoke => smoke,
        Scale.Ci => ci,
        _ => paper,
    };
}
