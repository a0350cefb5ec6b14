// The README's table of minimal detectable effects is the committed ci matrices' bisections (docs/power/*/power.json), row
// for row: a re-run matrix that changes a detectable effect fails here until the README says so too.
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TheoryCheck.Tests.Cli;

[Trait("Tier", "Fast")]
public sealed class DetectableEffectsTests
{
    static readonly string Root = RepoPaths.Root;

    const string Begin = "<!-- detectable: generated from docs/power/*/power.json (DetectableEffectsTests) -->";
    const string End = "<!-- end of detectable -->";

    /// <summary>One row per (mutant, claim) bisection: from the whole-catalogue matrix (docs/power/all) where it has one, else
    /// from the first family or claim matrix in folder order that does (those are older, kept as the evidence their sections
    /// in docs/power.md cite).</summary>
    static string Expected()
    {
        var sb = new StringBuilder("| claim | near miss | knob | real thing at | killed from | survives at | matrix |\n|:--|:--|:--|--:|--:|--:|:--|\n");
        var seen = new HashSet<(string, string)>();
        var dirs = Directory.GetDirectories(Path.Combine(Root, "docs", "power")).Order(StringComparer.Ordinal)
            .OrderBy(d => Path.GetFileName(d) != "all");   // stable: "all" first, the rest in folder order
        foreach (var dir in dirs)
        {
            string json = Path.Combine(dir, "power.json"), name = Path.GetFileName(dir);
            if (!File.Exists(json)) continue;
            foreach (var m in JsonNode.Parse(File.ReadAllText(json))!["mutants"]!.AsArray())
                foreach (var r in m!["results"]!.AsArray())
                    if (r!["detects"] is JsonObject d && seen.Add(((string)m["id"]!, (string)r["claim"]!)))
                        sb.Append(string.Create(CultureInfo.InvariantCulture,
                            $"| {(string)r["claim"]!} | {(string)m["id"]!} | {(string)d["knob"]!} | {(double)d["identity"]!:G4} | {(double)d["killed"]!:G4} | {(double)d["survived"]!:G4} | [{name}](docs/power/{name}/power.md) |\n"));
        }
        return sb.ToString();
    }

    [Fact]
    public void ReadmeTableIsTheCommittedMatrices()
    {
        string readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        int begin = readme.IndexOf(Begin, StringComparison.Ordinal), end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "README.md lacks the detectable-effects markers");
        string inReadme = readme[(begin + Begin.Length)..end].Trim('\n');
        string expected = Expected().Trim('\n');
        Assert.True(inReadme == expected, "README.md's detectable effects differ from docs/power/*/power.json; paste:\n" + expected);
    }
}
