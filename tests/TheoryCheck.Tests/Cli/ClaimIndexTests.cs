// The README's claim index is the output of `theorycheck list --markdown`, and every row's links lead to the claim's code
// (two hops from the README to any claim: the index row, then the file named after the claim's type).
using TheoryCheck.Claims;
using TheoryCheck.Cli;

namespace TheoryCheck.Tests.Cli;

[Trait("Tier", "Fast")]
public sealed class ClaimIndexTests
{
    static readonly string Root = RepoPaths.Root;

    [Fact]
    public void ReadmeIndexIsTheGeneratedOne()
    {
        string readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        int begin = readme.IndexOf(ClaimIndex.Begin, StringComparison.Ordinal), end = readme.IndexOf(ClaimIndex.End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "README.md lacks the claim-index markers");
        string inReadme = readme[(begin + ClaimIndex.Begin.Length)..end].Trim('\n');
        Assert.True(inReadme == ClaimIndex.Markdown().Trim('\n'),
            "README.md's claim index differs from the catalogue: paste the output of `dotnet run --project src/TheoryCheck.Cli -- list --markdown` between its markers");
    }

    [Fact]
    public void EveryClaimIsDefinedInAFileNamedAfterItsTypeThatNamesItsId()
    {
        foreach (var claim in Catalog.Claims)
        {
            string file = claim.Spec.DefinitionFile;
            Assert.StartsWith("src/TheoryCheck.Claims/", file);
            Assert.Equal(claim.GetType().Name, Path.GetFileNameWithoutExtension(file));
            string text = File.ReadAllText(Path.Combine(Root, file));
            Assert.True(text.Contains($"\"{claim.Spec.Id}\"", StringComparison.Ordinal), $"{file} does not name {claim.Spec.Id}");
        }
    }

    [Fact]
    public void EveryLinkedFileExists()
    {
        var links = System.Text.RegularExpressions.Regex.Matches(ClaimIndex.Markdown(), @"\]\(([^)]+)\)").Select(m => m.Groups[1].Value).Distinct();
        foreach (var link in links) Assert.True(File.Exists(Path.Combine(Root, link)), $"the claim index links a missing file: {link}");
    }
}
