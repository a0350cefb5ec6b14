// Lanes.Map is a loop in order as far as anyone can tell from its results: the order of results, and which exception
// comes out, never depend on how the items were spread over lanes.
using TheoryCheck.Torch;

namespace TheoryCheck.Tests.Torch;

[Trait("Tier", "Fast")]
public sealed class LanesTests
{
    [Fact]
    public void ResultsComeInItemOrder()
    {
        var items = Enumerable.Range(0, 50).ToArray();
        Assert.Equal(items.Select(i => i * i), Lanes.Map(items, i => { Thread.Sleep(50 - i); return i * i; }));
    }

    [Fact]
    public void EveryItemRunsAndTheLowestIndexedFailureIsRethrown()
    {
        int ran = 0;
        var e = Assert.Throws<InvalidOperationException>(() => Lanes.Map(Enumerable.Range(0, 20).ToArray(), i =>
        {
            Interlocked.Increment(ref ran);
            if (i is 7 or 3 or 15) throw new InvalidOperationException($"item {i}");
            return i;
        }));
        Assert.Equal("item 3", e.Message);
        Assert.Equal(20, ran);
    }
}

/// <summary>The lane count changes wall time only: a selection whose cases, repetitions and tuning runs go side by side
/// gives the same claims (times aside) in one lane and in two.</summary>
[Trait("Tier", "Claim")]
[Collection(TorchCollection.Name)]
public sealed class LaneInvarianceTests
{
    [Fact]
    public void OneLaneAndTwoLanesGiveTheSameClaims()
    {
        using var dir = new TheoryCheck.Tests.Cli.TempDir();
        const string selection = "PT-3,PT-4,PT-10,PA-8";
        foreach (var lanes in new[] { "1", "2" })
        {
            var env = new Dictionary<string, string?> { ["THEORYCHECK_CACHE"] = dir["cache"], ["THEORYCHECK_LANES"] = lanes };
            var (code, _, err) = TheoryCheck.Tests.Cli.CliProcess.Run(env, "run", selection, "--scale", "smoke", "--out", dir[lanes]);
            Assert.True(code is 0 or 1, err);   // smoke nets are too small to pass every bound; their values must still agree
        }
        Assert.Equal(TheoryCheck.Tests.Cli.ShardMergeTests.ClaimsWithoutTimes(dir["1/results.json"]),
                     TheoryCheck.Tests.Cli.ShardMergeTests.ClaimsWithoutTimes(dir["2/results.json"]));
    }
}
