// The environment's say in a run: THEORYCHECK_SCALE and THEORYCHECK_SEED, read and validated here only. `dotnet test` has no
// flags, so they select its scale and seed; the CLI takes them as the defaults of --scale and --seed, so the same
// environment gives the same verdicts from either entry point.
using System.Globalization;
using TheoryCheck.Torch;

namespace TheoryCheck.Claims.Core;

public static class RunSettings
{
    public const string ScaleVariable = "THEORYCHECK_SCALE", SeedVariable = "THEORYCHECK_SEED", ExtendedVariable = "THEORYCHECK_EXTENDED",
                        MapsVariable = "THEORYCHECK_MAPS";

    /// <summary>THEORYCHECK_EXTENDED: 1 or true runs the specs of the Extended tier (the work moved out of the default
    /// `dotnet test` for its budget); unset, empty, 0 or false skips them, saying how to run them.</summary>
    /// <exception cref="EnvironmentVariableException">Any other value.</exception>
    public static bool Extended() => ParseExtended(Environment.GetEnvironmentVariable(ExtendedVariable));

    public static bool ParseExtended(string? value) => Switch(ExtendedVariable, value, "the Extended tier");

    /// <summary>THEORYCHECK_MAPS: 1 or true runs the reference maps' snapshot specs (the Maps tier: about half an hour at ci);
    /// otherwise they are skipped, saying how to run them.</summary>
    public static bool Maps() => Switch(MapsVariable, Environment.GetEnvironmentVariable(MapsVariable), "the Maps tier");

    static bool Switch(string variable, string? value, string what) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "0" or "false" => false,
        "1" or "true" => true,
        _ => throw new EnvironmentVariableException(variable, value, $"1 or true (run {what}), 0 or false"),
    };

    /// <summary>
    /// The context `dotnet test` runs a claim in (the specs' ClaimProperty calls this): scale and seed from the arguments, else
    /// from THEORYCHECK_SCALE / THEORYCHECK_SEED, else ci and 1; the runtime initialised for that scale. The CLI builds its
    /// context from the same values (Runner), and a test compares the two.
    /// </summary>
    public static RunContext TestContext(Action<string> log, Scale? scale = null, int? seed = null, Torch.Models.Architecture? arch = null)
    {
        var s = scale ?? Scale();
        int user = seed ?? Seed(log);
        TorchRuntime.Initialize(s.TorchThreads());
        return new RunContext(s, user, log) { Arch = arch };
    }

    /// <summary>THEORYCHECK_SCALE if set, else ci.</summary>
    /// <exception cref="EnvironmentVariableException">Not smoke, ci or paper.</exception>
    public static Scale Scale() => ParseScale(Environment.GetEnvironmentVariable(ScaleVariable));

    /// <summary>A THEORYCHECK_SCALE value: null or empty = ci.</summary>
    public static Scale ParseScale(string? value)
    {
        if (string.IsNullOrEmpty(value)) return Core.Scale.Ci;
        try { return Scales.Parse(value); }
        catch (ArgumentException) { throw new EnvironmentVariableException(ScaleVariable, value, "smoke, ci or paper"); }
    }

    /// <summary>THEORYCHECK_SEED if set, else 1; "random" draws a seed and logs it, so a failure can be reproduced.</summary>
    /// <exception cref="EnvironmentVariableException">Neither an integer nor "random".</exception>
    public static int Seed(Action<string>? log = null) => ParseSeed(Environment.GetEnvironmentVariable(SeedVariable), log);

    /// <summary>A THEORYCHECK_SEED value: null or empty = 1, an integer, or "random" (drawn and logged).</summary>
    public static int ParseSeed(string? value, Action<string>? log)
    {
        if (string.IsNullOrEmpty(value)) return 1;
        if (value.Trim().Equals("random", StringComparison.OrdinalIgnoreCase))
        {
            int drawn = Random.Shared.Next(1, int.MaxValue);
            log?.Invoke($"{SeedVariable}=random drew seed {drawn}");
            return drawn;
        }
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed) ? seed
            : throw new EnvironmentVariableException(SeedVariable, value, "an integer or 'random'");
    }
}
