// The order the specs run in, chosen for the 2-core budget of the default `dotnet test`. The unit tests run beside the specs
// for their first 4-5 minutes, mostly on one core; so the specs' single-threaded work (the P2 tables, then the PA claims) goes
// first, next to them. The MB claims follow: on a cold model cache MB-1 meta-trains the shared networks in two lanes, still
// beside the tail of the unit tests (before, the MB table trained them first and the PA claims then ran alone on one of the
// two cores). The PT family, which tunes in lanes on every core, goes last, with the MB and PT tables after the claims whose
// networks and tuning runs they read. Collections run one at a time (xunit.runner.json), so no two torch jobs ever overlap
// outside Lanes (FinalizerGate says why that matters).
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("TheoryCheck.Specs.Support.SpecOrder", "TheoryCheck.Specs")]
[assembly: TestCaseOrderer("TheoryCheck.Specs.Support.SpecOrder", "TheoryCheck.Specs")]

namespace TheoryCheck.Specs.Support;

public sealed class SpecOrder : ITestCollectionOrderer, ITestCaseOrderer
{
    /// <summary>Single-threaded collections first, then the training claims, then the MB and PT tables, then the Extended tier.</summary>
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> collections) =>
        collections.OrderBy(c => Rank(c.DisplayName)).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    /// <summary>Within a class: the PA claims (small, mostly one core) first, then MB (MB-1 meta-trains the shared networks in lanes
    /// on a cold cache), then PT (lanes).</summary>
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(t => FamilyRank(t.DisplayName)).ThenBy(t => t.DisplayName, StringComparer.Ordinal);

    static int FamilyRank(string testCase) =>
        testCase.Contains("\"PA-", StringComparison.Ordinal) ? 0
        : testCase.Contains("\"PT-", StringComparison.Ordinal) ? 2
        : 1;

    static int Rank(string collection) =>
        collection.Contains("Extended", StringComparison.Ordinal) ? 3
        : collection.Contains("PromptTuning", StringComparison.Ordinal) || collection.Contains("MetaLearning", StringComparison.Ordinal) ? 2
        : collection.Contains("TrainingClaims", StringComparison.Ordinal) ? 1
        : 0;
}
