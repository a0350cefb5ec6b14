// CLI parsing and exit codes: 0 pass, 1 claim failed, 2 bad input with a one-line error and nothing written.
using TheoryCheck.Cli;

namespace TheoryCheck.Tests.Cli;

[Trait("Tier", "Fast")]
public sealed class CommandTests
{
    static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = Commands.Invoke(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Theory]
    [InlineData("run", "NOPE")]
    [InlineData("run", "MB-0", "--scale", "huge")]
    [InlineData("run", "MB-0", "--seed", "x")]
    [InlineData("run", "PT-3", "--arch", "gru")]
    [InlineData("tables", "PT", "--arch", "gru", "--out", "/tmp/tc-never-written")]
    [InlineData("frobnicate")]
    [InlineData("run")]
    public void BadInputGivesOneLineErrorAndExit2(params string[] args)
    {
        var (code, _, err) = Run(args);
        Assert.Equal(2, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.StartsWith("theorycheck:", err);
    }

    [Fact]
    public void UnknownIdErrorNamesTheId()
    {
        var (_, _, err) = Run("run", "NOPE");
        Assert.Contains("'NOPE'", err);
    }

    [Fact]
    public void BadInputWritesNothing()
    {
        string dir = Path.Combine(Path.GetTempPath(), "tc-cli-" + Guid.NewGuid().ToString("N"));
        Run("run", "MB-0", "--scale", "huge", "--out", dir);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void ListShowsEveryClaimId()
    {
        var (code, output, _) = Run("list");
        Assert.Equal(0, code);
        foreach (var c in TheoryCheck.Claims.Catalog.Claims) Assert.Contains(c.Spec.Id, output);
    }

    [Fact]
    public void RunMb0WritesResultsJsonWithPassAndFailingControl()
    {
        string dir = Path.Combine(Path.GetTempPath(), "tc-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output, _) = Run("run", "MB-0", "--scale", "smoke", "--out", dir);
            Assert.Equal(0, code);
            Assert.Contains("| MB-0 | pass |", output);
            var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "results.json")));
            var claim = doc.RootElement.GetProperty("claims")[0];
            Assert.Equal("pass", claim.GetProperty("verdict").GetString());
            Assert.False(claim.GetProperty("control").GetProperty("bounds")[0].GetProperty("holds").GetBoolean());
            foreach (var field in new[] { "tool", "version", "commit", "scale", "seed", "device", "threads", "torchsharp", "os", "cpu" })
                Assert.True(doc.RootElement.GetProperty("manifest").TryGetProperty(field, out _), field);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }
}
