// Command-line surface: each command's options and arguments, wired to its handler (RunCommand, MergeCommand,
// RerunCommand, TablesCommand, RunReport, Bench/, Power/). Exit codes and input parsing shared by the commands are in CommandInput.cs.
using System.CommandLine;
using TheoryCheck.Claims;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Cli;

public static partial class Commands
{
    public static int Invoke(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = Build(stdout, stderr);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            stderr.WriteLine($"theorycheck: {parsed.Errors[0].Message} (see --help)");
            return BadInput;
        }
        try
        {
            var paths = ClaimAssemblies.Paths(parsed.GetValue<string[]>(ClaimAssemblies.OptionName) ?? [], Directory.GetCurrentDirectory());
            using var userClaims = ClaimAssemblies.Register(paths);
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (BadInputMessage(e) is { } message)
        {
            stderr.WriteLine($"theorycheck: {message}");
            return BadInput;
        }
    }

    /// <summary>A list argument would otherwise swallow a mistyped option ("--shards 1/4" read as two claim ids): a value that
    /// starts with "--" is reported as the unknown option it is.</summary>
    static void RejectOptionLikeValues(Argument<string[]> argument) =>
        argument.Validators.Add(r =>
        {
            foreach (var t in r.Tokens.Where(t => t.Value.StartsWith("--", StringComparison.Ordinal)))
                r.AddError($"unknown option '{t.Value}'");
        });

    /// <summary>What the parser says about a command line without running it: empty when <paramref name="args"/> names a
    /// real command with valid options (the workflow test checks every theorycheck line of the CI workflow this way).</summary>
    public static IReadOnlyList<string> ParseErrors(string[] args) =>
        Build(TextWriter.Null, TextWriter.Null).Parse(args).Errors.Select(e => e.Message).ToArray();

    static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("TheoryCheck: executable, quantitative checks of ML-theory claims (P1 Genewein et al. 2025, P2 Oymak et al. 2023).");
        root.Options.Add(new Option<string[]>(ClaimAssemblies.OptionName)
        {
            Description = $"a claims assembly of your own (repeatable): its claim families join the built-in ones (default: the list in ./{ClaimAssemblies.ConfigFile})",
            Recursive = true,
        });

        var markdown = new Option<bool>("--markdown") { Description = "print the README's claim index instead: id, paper §, statement, defining file, spec, snapshot" };
        var list = new Command("list", "List every claim: id, paper, statement, scale presets.") { markdown };
        list.SetAction(pr => { stdout.Write(pr.GetValue(markdown) ? ClaimIndex.Markdown() : ListText()); return Ok; });

        var selectors = new Argument<string[]>("claims") { Description = "claim ids, families (MB, PT, PA) or 'all'", Arity = ArgumentArity.OneOrMore };
        RejectOptionLikeValues(selectors);
        var scale = new Option<string?>("--scale") { Description = "smoke | ci | paper (default: THEORYCHECK_SCALE, else ci)" };
        var seed = new Option<string?>("--seed") { Description = "user seed (integer); data, init and eval seeds derive from it (default: THEORYCHECK_SEED, else 1)" };
        var outDir = new Option<string?>("--out") { Description = "folder for results.json (and results.csv, report.md, tables/, plots/ with --report)" };
        var report = new Option<bool>("--report") { Description = "also build the families' result tables and write DIR/report.md with PNG plots and DIR/results.csv" };
        var force = new Option<bool>("--force") { Description = "overwrite a non-empty --out folder" };
        var resume = new Option<bool>("--resume") { Description = "continue an interrupted run in --out: skip claims already in DIR/results.partial.json and tuning runs already in DIR/runs.partial" };
        var shard = new Option<string?>("--shard") { Description = "i/n: run a deterministic 1/n of the selected claims (combine the shards with merge)" };
        var target = TaskOptions.TargetOption();
        var pretrain = TaskOptions.PretrainOption();
        var arch = TaskOptions.ArchOption();
        var run = new Command("run", "Run claims, print a markdown table, write DIR/results.json.") { selectors, scale, seed, outDir, report, force, resume, shard, target, pretrain, arch };
        run.SetAction(pr => RunCommand.Run(new RunCommand.Options(pr.GetValue(selectors)!, pr.GetValue(scale), pr.GetValue(seed),
            pr.GetValue(outDir), pr.GetValue(report), pr.GetValue(force), pr.GetValue(resume), pr.GetValue(shard),
            pr.GetValue(target), pr.GetValue(pretrain), pr.GetValue(arch)), stdout, stderr));

        var reportDir = new Argument<string>("dir") { Description = "a folder holding results.json" };
        var reportCmd = new Command("report", "Write DIR/report.md (manifest, verdicts, controls, tables, PNG plots) and DIR/results.csv.") { reportDir };
        reportCmd.SetAction(pr => RunCommand.Report(pr.GetValue(reportDir)!, stderr));

        var mergeDirs = new Argument<string[]>("dirs") { Description = "shard output folders (or their results.json)", Arity = ArgumentArity.OneOrMore };
        RejectOptionLikeValues(mergeDirs);
        var mOut = new Option<string>("--out") { Description = "folder for the merged results.json", Required = true };
        var mReport = new Option<bool>("--report") { Description = "also write report.md, results.csv and plots" };
        var mForce = new Option<bool>("--force") { Description = "overwrite a non-empty --out folder" };
        var merge = new Command("merge", "Combine the outputs of `run --shard i/n` into one results.json (and report).") { mergeDirs, mOut, mReport, mForce };
        merge.SetAction(pr => MergeCommand.Merge(pr.GetValue(mergeDirs)!, pr.GetValue(mOut)!, pr.GetValue(mReport), pr.GetValue(mForce), stdout, stderr));

        var rerunFile = new Argument<string>("results") { Description = "a results.json written by run or merge" };
        var rOut = new Option<string?>("--out") { Description = "also write the new results.json here" };
        var rForce = new Option<bool>("--force") { Description = "overwrite a non-empty --out folder" };
        var rOnly = new Option<string?>("--only") { Description = "re-run only these recorded claims (ids, comma-separated), e.g. one claim of a paper-scale run; saved tables are then not rebuilt" };
        var rerun = new Command("rerun", "Re-run exactly the claims, scale and seed a results.json records; print old vs new, claim by claim.") { rerunFile, rOut, rForce, rOnly };
        rerun.SetAction(pr => RerunCommand.Rerun(pr.GetValue(rerunFile)!, pr.GetValue(rOut), pr.GetValue(rForce), stdout, stderr, pr.GetValue(rOnly)));

        var dBase = new Argument<string>("base") { Description = "the run to compare against (e.g. main's): a run folder or its results.json" };
        var dHead = new Argument<string>("head") { Description = "the run under review (e.g. a pull request's): a run folder or its results.json" };
        var dOut = new Option<string?>("--out") { Description = "also write the markdown to this file (e.g. for a job summary)" };
        var dAllow = new Option<bool>("--allow-different-settings") { Description = "compare runs of different scale, seed, target, pretraining prior or network" };
        var diff = new Command("diff", "Compare two stored runs: verdict changes, values moved beyond their allowed difference, claims added or removed, manifest differences; exit 1 on a regression.") { dBase, dHead, dOut, dAllow };
        diff.SetAction(pr => Gating.DiffCommand.Run(pr.GetValue(dBase)!, pr.GetValue(dHead)!, pr.GetValue(dOut), pr.GetValue(dAllow), stdout, stderr));

        var hRuns = new Argument<string[]>("runs") { Description = "stored runs (folders or results.json), any order: the page sorts them by start time", Arity = ArgumentArity.OneOrMore };
        RejectOptionLikeValues(hRuns);
        var hOut = new Option<string>("--out") { Description = "folder for index.html", Required = true };
        var hForce = new Option<bool>("--force") { Description = "overwrite a non-empty --out folder" };
        var history = new Command("history", "Write a static HTML page of each claim's measured value and verdict across runs (commits), with links into each run's report.") { hRuns, hOut, hForce };
        history.SetAction(pr => Gating.HistoryCommand.Run(pr.GetValue(hRuns)!, pr.GetValue(hOut)!, pr.GetValue(hForce), stderr));

        var mClaim = new Argument<string>("claim") { Description = "one claim id" };
        var mAxesList = new Option<bool>("--axes") { Description = "list the claim's axes: NAME LO..HI UNIT description" };
        var mAxis = new Option<string[]>("--axis") { Description = "NAME=LO..HI: an axis to move (one, or two for a grid); every other knob stays at the scale preset", AllowMultipleArgumentsPerToken = false };
        var mPoints = new Option<string?>("--points") { Description = $"K points per axis (default {Maps.MapCommand.DefaultPoints}); one axis then bisects to 1/{TheoryCheck.Claims.Maps.BoundaryMap.Resolution} of the range" };
        var mBound = new Option<string?>("--bound") { Description = "the bound to map (default: the claim's first bound that is not a declared miss)" };
        var mScale = new Option<string?>("--scale") { Description = "smoke | ci | paper (default: THEORYCHECK_SCALE, else ci)" };
        var mSeed = new Option<string?>("--seed") { Description = "user seed (default: THEORYCHECK_SEED, else 1)" };
        var mapOut = new Option<string?>("--out") { Description = "folder for map.json, map.csv, map.md and map.png" };
        var mapForce = new Option<bool>("--force") { Description = "overwrite a non-empty --out folder" };
        var mArch = new Option<string?>("--arch") { Description = "PT network: lstm, transformer or both (default: both)" };
        var mResume = new Option<bool>("--resume") { Description = $"continue an interrupted map in --out: points already in DIR/{Maps.MapCommand.PartialFile} are not run again" };
        var map = new Command("map", "Where a claim stops holding: the claim at points along one axis (bisected to the boundary) or on a grid of two.") { mClaim, mAxesList, mAxis, mPoints, mBound, mScale, mSeed, mapOut, mapForce, mArch, mResume };
        map.SetAction(pr => Maps.MapCommand.Run(new Maps.MapCommand.Options(pr.GetValue(mClaim)!, pr.GetValue(mAxesList), pr.GetValue(mAxis) ?? [],
            pr.GetValue(mPoints), pr.GetValue(mBound), pr.GetValue(mScale), pr.GetValue(mSeed), pr.GetValue(mapOut), pr.GetValue(mapForce), pr.GetValue(mArch),
            pr.GetValue(mResume)), stdout, stderr));

        var names = new Argument<string[]>("names") { Description = "snapshot names (default: every pending .received.md)", Arity = ArgumentArity.ZeroOrMore };
        RejectOptionLikeValues(names);
        var aDir = new Option<string?>("--snapshots") { Description = "the snapshots folder (default: this repository's snapshots/; your own test project's: its snapshots/ folder)" };
        var accept = new Command("accept", "Accept received snapshots: rename snapshots/NAME.received.md over NAME.verified.md.") { names, aDir };
        accept.SetAction(pr => Accept(pr.GetValue(names) ?? Array.Empty<string>(), stdout,
            pr.GetValue(aDir) is { } dir ? (Directory.Exists(dir) ? new SnapshotStore(dir) : throw new BadInputException($"--snapshots '{dir}': no such folder")) : null));

        var families = new Argument<string[]>("families") { Description = "families (MB, PT, PA) or 'all'", Arity = ArgumentArity.OneOrMore };
        RejectOptionLikeValues(families);
        var tScale = new Option<string?>("--scale") { Description = "smoke | ci | paper (default: THEORYCHECK_SCALE, else ci)" };
        var tSeed = new Option<string?>("--seed") { Description = "user seed (integer; default: THEORYCHECK_SEED, else 1)" };
        var tOut = new Option<string>("--out") { Description = "folder for the tables (.md) and plots (.png)", Required = true };
        var tForce = new Option<bool>("--force") { Description = "overwrite a non-empty --out folder" };
        var tTarget = TaskOptions.TargetOption();
        var tPretrain = TaskOptions.PretrainOption();
        var tArch = TaskOptions.ArchOption();
        var tMaps = new Option<bool>("--maps") { Description = "also run the families' reference maps (docs/maps.md; minutes each at ci) and write each as NAME.md with NAME.png" };
        var tables = new Command("tables", "Build the families' result tables, write them as markdown with PNG plots.") { families, tScale, tSeed, tOut, tForce, tTarget, tPretrain, tArch, tMaps };
        tables.SetAction(pr => TablesCommand.Tables(pr.GetValue(families)!, pr.GetValue(tScale), pr.GetValue(tSeed), pr.GetValue(tOut)!, pr.GetValue(tForce),
            pr.GetValue(tTarget), pr.GetValue(tPretrain), pr.GetValue(tArch), stderr, pr.GetValue(tMaps)));

        var bOut = new Option<string>("--out") { Description = "JSON file for the figures; the markdown table goes beside it as FILE with .md", DefaultValueFactory = _ => Bench.BenchOptions.DefaultOut };
        var bQuick = new Option<bool>("--quick") { Description = "fewer timed steps and a 2,000-step memory run (about a minute plus the families)" };
        var bFamilies = new Option<string>("--families") { Description = "smoke | ci | none: also time each claim family at this scale (ci: about 15 min)", DefaultValueFactory = _ => "smoke" };
        var bPeer = new Option<string?>("--peer") { Description = "pytorch: also time the same training steps in PyTorch (/usr/bin/python3 with python3-torch) and show the ratio" };
        var bench = new Command("bench", "Time matmul rates, training steps, forward passes, HardPT search, memory over a long run and the claim families; write FILE and FILE.md.") { bOut, bQuick, bFamilies, bPeer };
        bench.SetAction(pr => Bench.BenchCommand.Run(pr.GetValue(bOut), pr.GetValue(bQuick), pr.GetValue(bFamilies)!, stdout, stderr, pr.GetValue(bPeer)));

        var pSelectors = new Argument<string[]>("claims") { Description = "claim ids, families (MB, PT, PA) or 'all'", Arity = ArgumentArity.OneOrMore };
        RejectOptionLikeValues(pSelectors);
        var pScale = new Option<string?>("--scale") { Description = "smoke | ci | paper (default: THEORYCHECK_SCALE, else ci)" };
        var pSeed = new Option<string?>("--seed") { Description = "first user seed: truth rows run seeds N..N+K-1, mutants run at N (default: THEORYCHECK_SEED, else 1)" };
        var pSeeds = new Option<string?>("--seeds") { Description = "K, how many seeds each truth row runs (default 10)" };
        var pMutant = new Option<string?>("--mutant") { Description = "catalogued mutant ids, comma-separated (default: every mutant of the selected families)" };
        var pOut = new Option<string?>("--out") { Description = "folder for power.json, power.md and power.png" };
        var pForce = new Option<bool>("--force") { Description = "overwrite a non-empty --out folder" };
        var pArch = TaskOptions.ArchOption();
        var power = new Command("power", "What the checks separate: each claim at K seeds (truth) and each catalogued near miss in the place of the tested thing (mutants).") { pSelectors, pScale, pSeed, pSeeds, pMutant, pOut, pForce, pArch };
        power.SetAction(pr => Power.PowerCommand.Run(new Power.PowerCommand.Options(pr.GetValue(pSelectors)!, pr.GetValue(pScale), pr.GetValue(pSeed),
            pr.GetValue(pSeeds), pr.GetValue(pMutant), pr.GetValue(pOut), pr.GetValue(pForce), pr.GetValue(pArch)), stdout, stderr));

        root.Subcommands.Add(list);
        root.Subcommands.Add(power);
        root.Subcommands.Add(tables);
        root.Subcommands.Add(run);
        root.Subcommands.Add(reportCmd);
        root.Subcommands.Add(merge);
        root.Subcommands.Add(rerun);
        root.Subcommands.Add(diff);
        root.Subcommands.Add(history);
        root.Subcommands.Add(map);
        root.Subcommands.Add(accept);
        root.Subcommands.Add(bench);
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

    /// <summary>Renames each NAME.received.md over NAME.verified.md; one that equals its verified file is only removed, so
    /// unchanged snapshots keep their file (and timestamp). Every name is checked before anything is touched.</summary>
    public static int Accept(string[] names, TextWriter stdout, SnapshotStore? store = null)
    {
        store ??= SnapshotStore.Default();
        var todo = names.Length > 0 ? names : store.PendingNames().ToArray();
        if (todo.Length == 0) { stdout.WriteLine("nothing to accept: no .received.md in " + store.Directory); return Ok; }
        if (todo.FirstOrDefault(n => !File.Exists(store.ReceivedPath(n))) is { } missing)
            throw new BadInputException($"no received snapshot '{missing}' in {store.Directory}");
        foreach (var n in todo)
            stdout.WriteLine(store.Accept(n) ? $"accepted {n}.verified.md" : $"unchanged {n} (received equals verified; removed)");
        return Ok;
    }
}
