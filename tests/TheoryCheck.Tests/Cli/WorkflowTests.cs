// Issue 20 §2: the ready workflow (.github/workflows/theorycheck.yml) stays valid although this repository cannot run
// GitHub Actions: it parses as YAML, has the jobs the README promises (tests via .ci/run, a 4-way shard matrix, a merge that
// uploads the run and diffs it against main's on pull requests), and every theorycheck command line in it parses as a real
// CLI command with real options.
using System.Text.RegularExpressions;
using TheoryCheck.Cli;
using YamlDotNet.RepresentationModel;

namespace TheoryCheck.Tests.Cli;

[Trait("Tier", "Fast")]
public sealed class WorkflowTests
{
    static readonly string WorkflowPath = Path.Combine(RepoPaths.Root, ".github", "workflows", "theorycheck.yml");

    static YamlMappingNode Workflow()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(WorkflowPath);
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) =>
        ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>();

    static string? Get(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;

    static IEnumerable<string> Scripts(YamlMappingNode job) => Steps(job).Select(s => Get(s, "run")).OfType<string>();

    /// <summary>Each `theorycheck …` command in a script, as the argument list a shell would pass (GitHub expressions replaced
    /// by a sample value, the shell's own operators and redirections cut off).</summary>
    public static IEnumerable<string[]> TheoryCheckCommands(string script) =>
        Regex.Matches(Regex.Replace(script, @"\$\{\{[^}]*\}\}", "1"), @"(?<![\w/.-])theorycheck\s+([^|;&>\n]+)")
             .Select(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Trim('"', '\'')).ToArray());

    [Fact]
    public void TheWorkflowHasItsJobs()
    {
        var jobs = Map(Workflow(), "jobs");
        var names = jobs.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToArray();
        Assert.Equal(new[] { "tests", "claims", "merge" }, names);

        Assert.Contains(Scripts(Map(jobs, "tests")), s => s.Trim() == "./.ci/run");

        var claims = Map(jobs, "claims");
        var shards = (YamlSequenceNode)Map(Map(claims, "strategy"), "matrix").Children[new YamlScalarNode("shard")];
        Assert.Equal(new[] { "1", "2", "3", "4" }, shards.Children.Select(n => ((YamlScalarNode)n).Value));
        Assert.Contains(Scripts(claims), s => s.Contains("theorycheck run all --scale ci --shard ${{ matrix.shard }}/4 --out"));

        var merge = Map(jobs, "merge");
        Assert.Equal("claims", Get(merge, "needs"));
        Assert.Contains(Scripts(merge), s => s.Contains("theorycheck merge shards/shard-1 shards/shard-2 shards/shard-3 shards/shard-4 --out run"));
        Assert.Contains(Steps(merge), s => Get(s, "uses")?.StartsWith("actions/upload-artifact@") == true
                                           && Get(Map(s, "with"), "name") == "theorycheck-run" && Get(Map(s, "with"), "path") == "run");
        var diffStep = Steps(merge).Single(s => Get(s, "run")?.Contains("theorycheck diff") == true);
        Assert.StartsWith("github.event_name == 'pull_request'", Get(diffStep, "if"));
        Assert.Contains("$GITHUB_STEP_SUMMARY", Get(diffStep, "run"));
    }

    [Fact]
    public void EveryTheoryCheckLineIsARealCommand()
    {
        var commands = Map(Workflow(), "jobs").Children.Values.Cast<YamlMappingNode>().SelectMany(Scripts).SelectMany(TheoryCheckCommands).ToArray();
        Assert.Equal(new[] { "run", "merge", "diff" }, commands.Select(c => c[0]));
        foreach (var args in commands)
            Assert.True(Commands.ParseErrors(args).Count == 0, $"theorycheck {string.Join(' ', args)}: {string.Join("; ", Commands.ParseErrors(args))}");
    }

    [Fact]
    public void TheCommandCheckCatchesAWrongCommandOrOption()
    {
        Assert.NotEmpty(Commands.ParseErrors(TheoryCheckCommands("theorycheck difff base run").Single()));
        Assert.NotEmpty(Commands.ParseErrors(TheoryCheckCommands("theorycheck run all --shards 1/4").Single()));
        Assert.Empty(Commands.ParseErrors(TheoryCheckCommands("x=1; theorycheck diff base run --out diff.md || rc=$?").Single()));
    }
}
