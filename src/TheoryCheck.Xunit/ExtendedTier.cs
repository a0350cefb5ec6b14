// The Extended tier's gate: its specs run only when THEORYCHECK_EXTENDED=1, so the default `dotnet test` stays within its
// budget; otherwise they are reported as skipped, with the command that runs them (never as passed). The repository's specs
// use it, and so can a user's own (examples/InContextRegression does): mark the test [SkippableFact] or [SkippableTheory].
using TheoryCheck.Claims.Core;
using Xunit;

namespace TheoryCheck.Xunit;

public static class ExtendedTier
{
    public const string Command = "THEORYCHECK_EXTENDED=1 dotnet test --filter Tier=Extended";

    public static void SkipUnlessRequested(string what) =>
        Skip.IfNot(RunSettings.Extended(), $"{what} is in the Extended tier (not part of the default dotnet test); run it with: {Command}");
}
