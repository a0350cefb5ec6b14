// The Extended tier's gate: its specs run only when THEORYCHECK_EXTENDED=1, so the default `dotnet test` stays within its
// budget; otherwise they are reported as skipped, with the command that runs them (never as passed).
using TheoryCheck.Claims.Core;

namespace TheoryCheck.Specs.Support;

public static class ExtendedTier
{
    public const string Command = "THEORYCHECK_EXTENDED=1 dotnet test --filter Tier=Extended";

    public static void SkipUnlessRequested(string what) =>
        Skip.IfNot(RunSettings.Extended(), $"{what} is in the Extended tier (not part of the default dotnet test); run it with: {Command}");
}
