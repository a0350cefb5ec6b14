// Command-line surface. Exit codes: 0 all selected claims pass (or are declared findings), 1 a claim fails, 2 bad input.
using System.CommandLine;
using System.Globalization;
using TheoryCheck.Claims;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Reporting;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Torch;

namespace TheoryCheck.Cli;

public static class Commands
{
    public const int Ok = 0, ClaimFailed = 1, BadInput = 2;

    public static int Invoke(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = Build(stdout, stderr);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            stderr.WriteLine($"theorycheck: {parsed.Errors[0].Message} (see --help)");
            return BadInput;
        }
        try { return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }); }
        catch (BadInputException e) { stderr.WriteLine($"theorycheck: {e.Message}"); return BadInput; }
    }

    static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("TheoryCheck: executable, quantitative checks of ML-theory claims (P1 Genewein et al. 2025, P2 Oymak et al. 2023).");

        var list = new Command("list", "List every claim: id, paper, statement, scale presets.");
        list.SetAction(_ => { stdout.Write(ListText()); return Ok; });

        var selectors = new Argument<string[]>("claims") { Description = "claim ids, families (MB, PT, PA) or 'all'", Arity = ArgumentArity.OneOrMore };
        var scale = new Option<string>("--scale") { Description = "smoke | ci | paper", DefaultValueFactory = _ => "ci" };
        var seed = new Option<string>("--seed") { Description = "user seed (integer); data, init and eval seeds derive from it", DefaultValueFactory = _ => "1" };
        var outDir = new Option<string?>("--out") { Description = "folder for results.json" };
        var run = new Command("run", "Run claims, print a markdown table, write DIR/results.json.") { selectors, scale, seed, outDir };
        run.SetAction(pr => Run(pr.GetValue(selectors)!, pr.GetValue(scale)!, pr.GetValue(seed)!, pr.GetValue(outDir), stdout, stderr));

        var names = new Argument<string[]>("names") { Description = "snapshot names (default: every pending .received.md)", Arity = ArgumentArity.ZeroOrMore };
        var accept = new Command("accept", "Accept received snapshots: rename snapshots/NAME.received.md over NAME.verified.md.") { names };
        accept.SetAction(pr => Accept(pr.GetValue(names) ?? Array.Empty<string>(), stdout));

        var families = new Argument<string[]>("families") { Description = "families (MB, PA) or 'all'", Arity = ArgumentArity.OneOrMore };
        var tScale = new Option<string>("--scale") { Description = "smoke | ci | paper", DefaultValueFactory = _ => "ci" };
        var tSeed = new Option<string>("--seed") { Description = "user seed (integer)", DefaultValueFactory = _ => "1" };
        var tOut = new Option<string>("--out") { Description = "folder for the tables (.md) and plots (.png)", Required = true };
        var tables = new Command("tables", "Build the families' result tables, write them as markdown with PNG plots.") { families, tScale, tSeed, tOut };
        tables.SetAction(pr => Tables(pr.GetValue(families)!, pr.GetValue(tScale)!, pr.GetValue(tSeed)!, pr.GetValue(tOut)!, stderr));

        root.Subcommands.Add(list);
        root.Subcommands.Add(tables);
        root.Subcommands.Add(run);
        root.Subcommands.Add(accept);
        return root;
    }

    public static string ListText()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("| id | paper | source | statement | smoke | ci | paper scale |\n|:--|:--|:--|:--|:--|:--|:--|\n");
        foreach (var c in Catalog.Claims.Select(c => c.Spec))
            sb.Append($"| {c.Id}{(c.Status == ClaimStatus.Finding ? " (finding)" : "")} | {c.Paper} | {c.Source} | {c.Statement} | {c.Presets.Smoke} | {c.Presets.Ci} | {c.Presets.Paper} |\n");
        return sb.ToString();
    }

    static int Run(string[] selectors, string scaleText, string seedText, string? outDir, TextWriter stdout, TextWriter stderr)
    {
        // Validate everything before any work, so bad input never leaves partial output.
        IReadOnlyList<IClaim> claims;
        Scale scale;
        try { claims = Catalog.Select(selectors); scale = Scales.Parse(scaleText); }
        catch (ArgumentException e) { throw new BadInputException(e.Message); }
        int seed = ParseSeedAndOut(seedText, outDir);

        TorchRuntime.Initialize();
        var ctx = new RunContext(scale, seed, line => stderr.WriteLine(line));
        var results = new List<ClaimResult>();
        foreach (var claim in claims)
        {
            stderr.WriteLine($"[{claim.Spec.Id}] running at {scale.Name()} scale ...");
            var r = RunOne(claim, ctx);
            stderr.WriteLine($"[{claim.Spec.Id}] {r.Verdict.ToString().ToLowerInvariant()} in {r.Seconds:0.0} s: {r.Reason}");
            results.Add(r);
        }
        stdout.Write(ClaimTable.ToMarkdown(results));
        if (outDir != null)
        {
            var path = ResultsJson.Write(outDir, ResultsJson.Build(Manifest.Capture(scale, seed), results));
            stderr.WriteLine($"wrote {path}");
        }
        return results.All(r => r.Passed) ? Ok : ClaimFailed;
    }

    static int Tables(string[] families, string scaleText, string seedText, string outDir, TextWriter stderr)
    {
        IReadOnlyList<ITableSource> sources;
        Scale scale;
        try
        {
            var wanted = Catalog.Select(families).Select(c => c.Spec.Family).ToHashSet();
            sources = Catalog.Tables.Where(t => wanted.Any(f => t.Name.StartsWith(FamilyPrefix(f) + ".", StringComparison.Ordinal))).ToArray();
            scale = Scales.Parse(scaleText);
        }
        catch (ArgumentException e) { throw new BadInputException(e.Message); }
        int seed = ParseSeedAndOut(seedText, outDir);
        TorchRuntime.Initialize();
        Directory.CreateDirectory(outDir);
        var ctx = new RunContext(scale, seed, line => stderr.WriteLine(line));
        foreach (var source in sources)
        {
            stderr.WriteLine($"[{source.Name}] building at {scale.Name()} scale ...");
            ResultTable table;
            try { table = source.Build(ctx); }
            catch (ClaimNotRunException e) { stderr.WriteLine($"[{source.Name}] not run: {e.Message}"); continue; }
            File.WriteAllText(Path.Combine(outDir, source.Name + ".md"), table.ToMarkdown());
            foreach (var png in Plots.For(table, outDir)) stderr.WriteLine($"  wrote {png}");
            stderr.WriteLine($"[{source.Name}] wrote {Path.Combine(outDir, source.Name + ".md")}");
        }
        return Ok;
    }

    /// <summary>Validates --seed (an integer) and --out (not an existing file) for every command that takes them.</summary>
    static int ParseSeedAndOut(string seedText, string? outDir)
    {
        if (!int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed))
            throw new BadInputException($"--seed must be an integer, got '{seedText}'");
        if (outDir != null && File.Exists(outDir))
            throw new BadInputException($"--out '{outDir}' is a file, not a folder");
        return seed;
    }

    static string FamilyPrefix(string family) => family switch { "MB" => "MetaLearning", "PA" => "Attention", _ => family };

    /// <summary>Runs one claim; a claim that cannot run here, or whose training diverges, is reported, not thrown.</summary>
    static ClaimResult RunOne(IClaim claim, RunContext ctx)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try { return claim.Run(ctx); }
        catch (ClaimNotRunException e)
        {
            return ClaimResult.Unmeasured(claim.Spec, Verdict.NotRun, "not run: " + e.Message, clock.Elapsed.TotalSeconds);
        }
        catch (TheoryCheck.Torch.Training.TrainingDivergedException e)
        {
            return ClaimResult.Unmeasured(claim.Spec, Verdict.Fail, "training diverged: " + e.Message, clock.Elapsed.TotalSeconds);
        }
        catch (InvalidDataException e)
        {
            return ClaimResult.Unmeasured(claim.Spec, Verdict.Fail, "bad input data: " + e.Message, clock.Elapsed.TotalSeconds);
        }
    }

    static int Accept(string[] names, TextWriter stdout)
    {
        var store = SnapshotStore.Default();
        var todo = names.Length > 0 ? names : store.PendingNames().ToArray();
        if (todo.Length == 0) { stdout.WriteLine("nothing to accept: no .received.md in " + store.Directory); return Ok; }
        foreach (var n in todo)
        {
            if (!File.Exists(store.ReceivedPath(n)))
                throw new BadInputException($"no received snapshot '{n}' in {store.Directory}");
            stdout.WriteLine(store.Accept(n) ? $"accepted {n}.verified.md" : $"unchanged {n} (received equals verified; removed)");
        }
        return Ok;
    }
}

public sealed class BadInputException(string message) : Exception(message);
