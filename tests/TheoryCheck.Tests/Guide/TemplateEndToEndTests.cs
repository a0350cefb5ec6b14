// `dotnet new theorycheck-claims`, outside the repository, passes `dotnet test` against packages packed from this build: the
// test packs the libraries and the template into a local feed (scripts/pack.sh, a version of its own), creates the project
// from the template in a custom hive, and runs its tests with the feed as a source. Then the CLI runs the new project's
// claim from its theorycheck.json, as a user would. Extended tier: 25 s of subprocesses on a warm NuGet cache (45 s in a
// cold .ci/run), whose compilers compete with the specs on 2 cores; with it the default run measured 490 s warm (budget 480).
using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;
using TheoryCheck.Tests.Cli;
using TheoryCheck.Xunit;
using Xunit.Abstractions;

namespace TheoryCheck.Tests.Guide;

[Trait("Tier", "Fast")]
public sealed class TemplateVersionTests
{
    [Fact]
    public void TheTemplatesDefaultVersionIsTheRepositorysVersion()
    {
        string version = XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Build.props")).Descendants("Version").Single().Value;
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TemplateEndToEndTests.TemplateDir, ".template.config", "template.json")));
        Assert.Equal(version, doc.RootElement.GetProperty("symbols").GetProperty("TheoryCheckVersion").GetProperty("defaultValue").GetString());
    }
}

[Trait("Tier", "Extended")]
[Collection(CatalogCollection.Name)]
public sealed class TemplateEndToEndTests(ITestOutputHelper output)
{
    public static readonly string TemplateDir = Path.Combine(RepoPaths.Root, "templates", "TheoryCheck.Templates", "content", "theorycheck-claims");

    [SkippableFact]
    public void AFreshProjectFromTheTemplatePassesItsTestsAgainstPackagesFromThisBuild()
    {
        ExtendedTier.SkipUnlessRequested("the template end-to-end test (pack, dotnet new, dotnet test, theorycheck run)");
        using var dir = new TempDir();
        string feed = dir["feed"], hive = dir["hive"], work = dir["work"];
        Directory.CreateDirectory(work);
        // A version of this run's own, and a package folder of its own that falls back to the user's (libtorch is not copied):
        // a cache never hands this run an older build under the same number.
        string version = $"0.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        var env = new Dictionary<string, string> { ["PACK_VERSION"] = version, ["NUGET_PACKAGES"] = dir["packages"] };
        string userCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } c ? c
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var clock = Stopwatch.StartNew();

        Run(RepoPaths.Root, env, "bash", "scripts/pack.sh", feed, "--no-build");
        File.WriteAllText(Path.Combine(work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="theorycheck" value="{feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="user" value="{userCache}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        Run(work, env, "dotnet", "new", "install", Path.Combine(feed, $"TheoryCheck.Templates.{version}.nupkg"), "--debug:custom-hive", hive);
        Run(work, env, "dotnet", "new", "theorycheck-claims", "-o", "MyLab", "--TheoryCheckVersion", version, "--debug:custom-hive", hive);
        string project = Path.Combine(work, "MyLab");
        string test = Run(project, env, "dotnet", "test");
        Assert.Contains("Passed!  - Failed:     0, Passed:     2", test);
        output.WriteLine($"dotnet new → passing dotnet test: {clock.Elapsed.TotalSeconds:F1} s (pack included)");

        // The CLI, started in the new project's folder, reads its theorycheck.json and runs its claim like a built-in one.
        string cli = Path.Combine(Path.GetDirectoryName(typeof(Cli.CliRun).Assembly.Location)!, "theorycheck.dll");
        string run = Run(project, env, "dotnet", cli, "run", "MY", "--scale", "smoke", "--out", dir["run"], "--report");
        Assert.Contains("| MY-1 | pass |", run);
        Assert.True(File.Exists(Path.Combine(dir["run"], "tables", "MyLab.Regret.md")));
        Assert.True(File.Exists(Path.Combine(dir["run"], "plots", "MyLab.Regret.png")), "the template's declared plot is in the report");
    }

    string Run(string folder, IReadOnlyDictionary<string, string> env, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in env) start.Environment[k] = v;
        foreach (var k in new[] { "THEORYCHECK_SNAPSHOTS", "THEORYCHECK_SCALE", "THEORYCHECK_SEED", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH" })
            start.Environment.Remove(k);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(start)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        string all = stdout + stderr.Result;
        output.WriteLine($"$ {file} {string.Join(' ', args)}  (exit {p.ExitCode})\n{all}");
        Assert.True(p.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {p.ExitCode}:\n{all}");
        return all;
    }
}
