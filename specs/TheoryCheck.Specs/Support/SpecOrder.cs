// The order the specs run in, chosen for the 2-core budget of the default `dotnet test`. The unit tests run beside the specs
// for their first 4 minutes, mostly on one core; so the specs' single-threaded work (MB, PA, the P2 tables) goes first, next to
// them, and the PT family, which tunes in lanes on every core, goes last, when the unit tests are done. Collections run one at
// a time (xunit.runner.json), so no two torch jobs ever overlap outside Lanes (FinalizerGate says why that matters).
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("TheoryCheck.Specs.Support.SpecOrder", "TheoryCheck.Specs")]
[assembly: TestCaseOrderer("TheoryCheck.Specs.Support.SpecOrder", "TheoryCheck.Specs")]

namespace TheoryCheck.Specs.Support;

public sealed class SpecOrder : ITestCollectionOrderer, ITestCaseOrderer
{
    /// <summary>Single-threaded collections first, then the training claims, then the PT tables, then the Extended tier.</summary>
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> collections) =>
        collections.OrderBy(c => Rank(c.DisplayName)).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    /// <summary>Within a class: the claims that run on one core (MB, PA) before the PT claims, which run in lanes.</summary>
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.DisplayName.Contains("\"PT-", StringComparison.Ordinal) ? 1 : 0)
                 .ThenBy(t => t.DisplayName, StringComparer.Ordinal);

    static int Rank(string collection) =>
        collection.Contains("Extended", StringComparison.Ordinal) ? 3
        : collection.Contains("PromptTuning", StringComparison.Ordinal) ? 2
        : collection.Contains("TrainingClaims", StringComparison.Ordinal) ? 1
        : 0;
}
