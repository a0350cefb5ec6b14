// What every command shares at its edges: the exit codes, the parsing of --scale, --seed, --out and claim selectors, and
// which failures are bad input (one line on stderr, exit 2). Commands.cs only wires the commands to their handlers.
using System.Globalization;
using TheoryCheck.Claims;
using TheoryCheck.Claims.Core;
using TheoryCheck.Torch;

namespace TheoryCheck.Cli;

public static partial class Commands
{
    /// <summary>0: every selected claim passes (or is a declared finding); 1: a claim fails or a rerun disagrees; 2: bad input.</summary>
    public const int Ok = 0, ClaimFailed = 1, BadInput = 2;

    /// <summary>The one line a bad-input failure prints after "theorycheck: ", or null when <paramref name="e"/> is a bug.</summary>
    internal static string? BadInputMessage(Exception e) => e switch
    {
        BadInputException or EnvironmentVariableException => e.Message,
        // A full disk, a read-only or vanished folder: the writer already removed its temp file, and earlier complete files
        // are untouched (every write is a temp file + rename), so one line is all the user needs.
        IOException or UnauthorizedAccessException => $"cannot write the output: {e.Message.Split('\n')[0].Trim()}",
        _ => null,
    };

    /// <summary>Claim ids, families or "all", in catalogue order.</summary>
    /// <exception cref="BadInputException">An unknown id or family.</exception>
    internal static IReadOnlyList<IClaim> SelectClaims(IEnumerable<string> selectors)
    {
        try { return Catalog.Select(selectors); }
        catch (ArgumentException e) { throw new BadInputException(e.Message); }
    }

    /// <summary>--scale, or THEORYCHECK_SCALE when it is not given (validated by RunSettings), else ci.</summary>
    internal static Scale ParseScale(string? scaleText)
    {
        var fromEnvironment = RunSettings.Scale();   // validated even when --scale overrides it: a typo must not pass silently
        if (scaleText is null) return fromEnvironment;
        try { return Scales.Parse(scaleText); }
        catch (ArgumentException e) { throw new BadInputException(e.Message); }
    }

    /// <summary>Validates --seed (an integer; THEORYCHECK_SEED when not given, else 1) and --out (not an existing file) for
    /// every command that takes them.</summary>
    internal static int ParseSeedAndOut(string? seedText, string? outDir, TextWriter stderr)
    {
        int seed = RunSettings.Seed(seedText is null ? stderr.WriteLine : null);   // validated even when --seed overrides it
        if (seedText is null) { }
        else if (!int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
            throw new BadInputException($"--seed must be an integer, got '{seedText}'");
        if (outDir != null && File.Exists(outDir))
            throw new BadInputException($"--out '{outDir}' is a file, not a folder");
        return seed;
    }
}

/// <summary>Input the user can fix: printed as one line, exit 2, and nothing is written.</summary>
public sealed class BadInputException(string message) : Exception(message);
