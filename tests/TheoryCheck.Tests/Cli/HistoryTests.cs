// Issue 20 §3-5: `history RUN… --out SITE/` writes one static page (nothing fetched at view time) with one chart per claim,
// checked as a person would see it: Debian's headless Chromium renders it and takes a screenshot, and the charts' elements
// are in the rendered DOM and their pixels are on the screenshot. Skipped, saying so, where Chromium is not installed
// (.ci/run installs it). Bad input is one line and exit 2.
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SkiaSharp;
using TheoryCheck.Tests.Torch;

namespace TheoryCheck.Tests.Cli;

[Trait("Tier", "Fast")]
[Collection(TorchCollection.Name)]
public sealed class HistoryTests
{
    const string Selection = "MB-0,PA-1,PA-3";
    const string Chromium = "/usr/bin/chromium";

    /// <summary>Three runs of the same claims that look like three commits a day apart, PA-1's value drifting.</summary>
    static string[] ThreeCommits(TempDir dir)
    {
        Assert.Equal(0, CliRun.Invoke("run", Selection, "--scale", "smoke", "--out", dir["c1"]).Code);
        var commits = new[] { "1111111aaaa", "2222222bbbb", "3333333cccc" };
        for (int i = 0; i < 3; i++)
            DiffTests.EditedCopy(dir["c1"], dir[$"run{i + 1}"], doc =>
            {
                doc["manifest"]!["commit"] = commits[i];
                doc["manifest"]!["dirty"] = false;
                doc["manifest"]!["started"] = $"2026-11-2{i + 1}T10:00:00Z";
                var b = DiffTests.Claim(doc, "PA-1")["bounds"]![0]!;
                b["measured"] = (i + 1) * 2e-11;
            });
        // Given newest first: the page orders by start time.
        return new[] { dir["run3"], dir["run1"], dir["run2/results.json"] };
    }

    [Fact]
    public void ThePageHasAChartPerClaimAndLinksToEachRun()
    {
        using var dir = new TempDir();
        var (code, _, err) = CliRun.Invoke(new[] { "history" }.Concat(ThreeCommits(dir)).Concat(new[] { "--out", dir["site"] }).ToArray());
        Assert.True(code == 0, err);
        string html = File.ReadAllText(dir["site/index.html"]);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", ""));
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<script", html);
        Assert.Equal(3, Regex.Matches(html, "<svg class=\"chart\"").Count);
        var order = new[] { "1111111", "2222222", "3333333" }.Select(c => html.IndexOf(c + " (2026", StringComparison.Ordinal)).ToArray();
        Assert.True(order[0] > 0 && order[0] < order[1] && order[1] < order[2], "runs are not oldest first");
        Assert.Contains("href=\"../run3/results.json\"", html);
        // PA-1's chart: three markers on a rising line, with its bound.
        string pa1 = Regex.Match(html, "<svg class=\"chart\" data-claim=\"PA-1\".*?</svg>", RegexOptions.Singleline).Value;
        Assert.Equal(3, Regex.Matches(pa1, "class=\"marker pass\"").Count);
        Assert.Single(Regex.Matches(pa1, "class=\"bound\""));
        var ys = Regex.Match(pa1, "points=\"([^\"]+)\"").Groups[1].Value.Split(' ').Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.True(ys[0] > ys[1] && ys[1] > ys[2], "PA-1's values rise, so their y (downwards) must fall: " + string.Join(", ", ys));
    }

    [SkippableFact]
    public void HeadlessChromiumDrawsTheCharts()
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is not installed (apt-get install chromium; .ci/run installs it): the page was not rendered");
        using var dir = new TempDir();
        CliRun.Invoke(new[] { "history" }.Concat(ThreeCommits(dir)).Concat(new[] { "--out", dir["site"] }).ToArray());
        string url = new Uri(dir["site/index.html"]).AbsoluteUri;
        string[] common = { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1320,1800" };

        string dom = Browser(common.Append("--dump-dom").Append(url));
        Assert.Equal(3, Regex.Matches(dom, "<svg class=\"chart\"").Count);
        Assert.Equal(3 * 5, Regex.Matches(dom, "class=\"marker pass\"").Count);   // 3 runs × (MB-0's 3 bounds + PA-1 + PA-3)

        string shot = dir["site/shot.png"];
        Browser(common.Append($"--screenshot={shot}").Append(url));
        using var bitmap = SKBitmap.Decode(shot);
        Assert.NotNull(bitmap);
        int Count(SKColor c) => Enumerable.Range(0, bitmap.Height).Sum(y => Enumerable.Range(0, bitmap.Width).Count(x => Near(bitmap.GetPixel(x, y), c)));
        // Every claim passes, so the verdict red appears only as the five bounds' dashed lines, and the series blue only in the
        // charts (the verdict green is also in the table, so it proves nothing). Measured: 1801 red and 2030 blue pixels; a
        // page whose SVG did not draw has none of either.
        int bound = Count(SKColor.Parse("#cf222e")), series = Count(SKColor.Parse("#0969da"));
        Assert.True(bound > 750, $"bound lines: {bound} red pixels");
        Assert.True(series > 400, $"series lines: {series} blue pixels");
    }

    static bool Near(SKColor a, SKColor b) => Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue) < 40;

    static string Browser(IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(60_000), "chromium did not finish in 60 s");
        return output.Result;
    }

    [Fact]
    public void BadInputIsOneLineAndExitTwo()
    {
        using var dir = new TempDir();
        CliRun.Invoke("run", "PA-1", "--scale", "smoke", "--out", dir["a"]);
        DiffTests.EditedCopy(dir["a"], dir["empty"], doc => doc["claims"] = new JsonArray());
        Directory.CreateDirectory(dir["full"]);
        File.WriteAllText(dir["full/keep.txt"], "mine");
        File.WriteAllText(dir["foreign.json"], "[1, 2]");
        foreach (var args in new[]
        {
            new[] { "history", dir["missing"], "--out", dir["s1"] }, new[] { "history", dir["foreign.json"], "--out", dir["s2"] },
            new[] { "history", dir["empty"], "--out", dir["s3"] }, new[] { "history", dir["a"], "--out", dir["full"] },
            new[] { "history", "--out", dir["s4"] },
        })
        {
            var (code, output, err) = CliRun.Invoke(args);
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Single(err.Trim().Split('\n'));
        }
        Assert.Equal("mine", File.ReadAllText(dir["full/keep.txt"]));
        Assert.False(Directory.Exists(dir["s1"]) || Directory.Exists(dir["s2"]) || Directory.Exists(dir["s3"]));
    }
}
