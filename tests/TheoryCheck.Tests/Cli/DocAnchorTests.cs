// Bound sources and comments cite their evidence as docs/<file>.md#<anchor>: every such anchor must be a heading of that file,
// or a reviewer following a results.json source lands nowhere (docs/power.md#pt-6 and #pt-8 once did).
using System.Text.RegularExpressions;

namespace TheoryCheck.Tests.Cli;

[Trait("Tier", "Fast")]
public sealed partial class DocAnchorTests
{
    static readonly string Root = RepoPaths.Root;

    [GeneratedRegex(@"docs/([\w./-]+\.md)#([a-z0-9-]+)")]
    private static partial Regex Citation();

    [GeneratedRegex(@"^#+\s+(.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    /// <summary>GitHub's anchor of a heading: lower case, punctuation other than '-' and '_' dropped, spaces to '-'.</summary>
    public static string AnchorOf(string heading) =>
        Regex.Replace(heading.ToLowerInvariant(), @"[^\p{L}\p{Nd}\s_-]", "").Replace(' ', '-');

    [Fact]
    public void EveryCitedDocsAnchorIsAHeading()
    {
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/")))
        {
            foreach (Match m in Citation().Matches(File.ReadAllText(file)))
            {
                string doc = Path.Combine(Root, "docs", m.Groups[1].Value);
                var anchors = File.Exists(doc)
                    ? Heading().Matches(File.ReadAllText(doc)).Select(h => AnchorOf(h.Groups[1].Value)).ToHashSet()
                    : new HashSet<string>();
                if (!anchors.Contains(m.Groups[2].Value))
                    missing.Add($"{Path.GetRelativePath(Root, file)}: {m.Value}");
            }
        }
        Assert.True(missing.Count == 0, "cited anchors with no heading:\n" + string.Join("\n", missing.Distinct()));
    }

    [Theory]
    [InlineData("PT-7", "pt-7")]
    [InlineData("MB-1 and MB-2", "mb-1-and-mb-2")]
    [InlineData("The per-bound control rule, switched on", "the-per-bound-control-rule-switched-on")]
    public void AnchorsFollowGitHubsRule(string heading, string anchor) => Assert.Equal(anchor, AnchorOf(heading));
}
