// --arch: the PT family tunes only the chosen network, the manifest records it, --resume and merge refuse a run of another
// network, and a claim about the other network is reported as not run (not failed, not silently passed).
using System.Text.Json.Nodes;
using TheoryCheck.Tests.Torch;

namespace TheoryCheck.Tests.Cli;

[Trait("Tier", "Claim")]
[Collection(TorchCollection.Name)]
public sealed class ArchOptionTests
{
    [Fact]
    public void LstmOnlyRunRecordsItsNetworkAndLeavesTransformerClaimsNotRun()
    {
        using var dir = new TempDir();
        // Its own process: in this one another test may already have tuned these runs, and the memo would log nothing.
        var (_, _, err) = CliProcess.Run(new Dictionary<string, string?>(), "run", "PT-3,PT-7", "--scale", "smoke", "--arch", "lstm", "--out", dir.Path);
        var doc = JsonNode.Parse(File.ReadAllText(dir["results.json"]))!;
        Assert.Equal("lstm", (string?)doc["manifest"]!["arch"]);
        var claims = doc["claims"]!.AsArray();
        Assert.Equal("notrun", (string?)claims[1]!["verdict"]);
        Assert.Contains("--arch lstm leaves out the Transformer", (string?)claims[1]!["reason"]);
        Assert.DoesNotContain("PT Transformer", err);   // nothing tuned the Transformer
        Assert.Contains("PT LSTM", err);

        var (code, _, resumeErr) = CliRun.Invoke("run", "PT-3,PT-7", "--scale", "smoke", "--arch", "transformer", "--out", dir.Path, "--resume");
        Assert.Equal(2, code);   // results.json exists: nothing to resume, whatever the network
        Assert.StartsWith("theorycheck:", resumeErr);
    }
}
