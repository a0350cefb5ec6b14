// Issue 6 §9: every bad input gives a one-line error, exit 2, and writes nothing (no output folder, no file).
using TheoryCheck.Tests.Torch;

namespace TheoryCheck.Tests.Cli;

[Trait("Tier", "Fast")]
[Collection(TorchCollection.Name)]
public sealed class BadInputTests
{
    static void AssertBadInput(string mustMention, string[] args, params string[] mustNotExist)
    {
        var (code, _, err) = CliRun.Invoke(args);
        Assert.Equal(2, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.StartsWith("theorycheck:", err);
        Assert.Contains(mustMention, err);
        foreach (var p in mustNotExist) Assert.False(Directory.Exists(p) || File.Exists(p), $"{p} was written");
    }

    [Theory]
    [InlineData("3/2")]
    [InlineData("0/2")]
    [InlineData("1/0")]
    [InlineData("a/b")]
    [InlineData("1")]
    public void ShardOutsideOneToNIsRejected(string shard)
    {
        using var dir = new TempDir();
        AssertBadInput($"'{shard}'", new[] { "run", "MB-0", "--scale", "smoke", "--shard", shard, "--out", dir.Path }, dir.Path);
    }

    [Theory]
    [InlineData("--target", "coin:1.5")]
    [InlineData("--target", "coin:0")]
    [InlineData("--target", "mix:0.5@0.2,0.4@0.8")]
    [InlineData("--target", "mix:")]
    [InlineData("--target", "flip:0.2")]
    [InlineData("--pretrain", "beta:-1,1")]
    public void MalformedTaskSpecIsRejected(string option, string spec)
    {
        using var dir = new TempDir();
        AssertBadInput(option, new[] { "run", "PT", "--scale", "smoke", option, spec, "--out", dir.Path }, dir.Path);
        AssertBadInput(option, new[] { "tables", "PT", "--scale", "smoke", option, spec, "--out", dir.Path }, dir.Path);
    }

    [Theory]
    [InlineData("NOPE")]
    [InlineData("ZZ")]
    public void UnknownIdOrFamilyWritesNothing(string id)
    {
        using var dir = new TempDir();
        AssertBadInput($"'{id}'", new[] { "run", id, "--scale", "smoke", "--out", dir.Path }, dir.Path);
    }

    [Fact]
    public void UnwritableOutputFolderIsRejected() =>
        // /proc refuses new entries even for root, so this holds wherever the tests run on Linux.
        AssertBadInput("not writable", new[] { "run", "MB-0", "--scale", "smoke", "--out", "/proc/theorycheck-test" }, "/proc/theorycheck-test");

    [Fact]
    public void NonEmptyOutputFolderNeedsForce()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Path);
        File.WriteAllText(dir["keep.txt"], "mine");
        AssertBadInput("--force", new[] { "run", "MB-0", "--scale", "smoke", "--out", dir.Path }, dir["results.json"]);
        Assert.Equal("mine", File.ReadAllText(dir["keep.txt"]));
    }

    [Theory]
    [InlineData("{\"foo\": 1}", "not a TheoryCheck results.json")]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("{\"manifest\":{\"tool\":\"theorycheck\",\"scale\":\"smoke\",\"seed\":1},\"claims\":[{\"id\":\"XX-9\",\"bounds\":[],\"control\":{\"bounds\":[]}}]}", "'XX-9'")]
    public void ForeignJsonIsRejectedByRerunAndMerge(string json, string mention)
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Path);
        File.WriteAllText(dir["results.json"], json);
        AssertBadInput(mention, new[] { "rerun", dir["results.json"], "--out", dir["new"] }, dir["new"]);
        if (mention != "'XX-9'") AssertBadInput(mention, new[] { "merge", dir.Path, "--out", dir["merged"] }, dir["merged"]);
    }

    [Fact]
    public void UnreadableResultsAreRejected()
    {
        using var dir = new TempDir();
        AssertBadInput("cannot read", new[] { "rerun", dir["missing.json"] });
        AssertBadInput("no results.json", new[] { "merge", dir.Path, "--out", dir["merged"] }, dir["merged"]);
        AssertBadInput("no results.json", new[] { "report", dir.Path }, dir.Path);
    }

    [Theory]
    [InlineData("run", "MB-0", "--report")]
    [InlineData("run", "MB-0", "--resume")]
    public void OutputOptionsWithoutOutAreRejected(params string[] args) => AssertBadInput("need --out", args);
}
