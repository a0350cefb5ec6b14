// `theorycheck map CLAIM --axes` lists a claim's axes; `map CLAIM --axis NAME=LO..HI [--axis NAME2=LO..HI] [--points K]
// [--bound METRIC] [--scale S] [--seed N] [--out DIR [--resume]]` runs BoundaryMap: K points along one axis with a bisection
// to the boundary, or a K×K grid of two. Every input is checked before anything trains; the map goes to stdout as markdown
// and, with --out, to map.json, map.csv, map.md and map.png. With --out the map so far is saved after every point
// (map.partial.json), so --resume continues an interrupted map without running its points again.
using System.Globalization;
using TheoryCheck.Claims;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Maps;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Cli.Reporting;

namespace TheoryCheck.Cli.Maps;

public static class MapCommand
{
    public const int DefaultPoints = 5;

    public sealed record Options(string Claim, bool ListAxes, string[] Axes, string? Points, string? Bound, string? Scale, string? Seed,
                                 string? Out, bool Force, string? Arch = null, bool Resume = false);

    /// <summary>The map so far, saved after every point; `--resume` continues from it and the finished map removes it.</summary>
    public const string PartialFile = "map.partial.json";

    public static int Run(Options o, TextWriter stdout, TextWriter stderr)
    {
        var claim = One(o.Claim);
        if (o.ListAxes)
        {
            stdout.WriteLine(claim.Axes.Count == 0 ? $"{claim.Spec.Id} declares no axes" : string.Join("\n", claim.Axes.Select(a => a.Line())));
            return Commands.Ok;
        }
        var scale = Commands.ParseScale(o.Scale);
        int seed = Commands.ParseSeedAndOut(o.Seed, o.Out, stderr);
        var (axes, ranges) = ParseAxes(claim, o.Axes);
        int k = ParsePoints(o.Points);
        var bound = ParseBound(claim, o.Bound);
        var arch = TaskOptions.ParseArch(o.Arch);
        if (o.Out is null && o.Resume) throw new BadInputException("--resume needs --out DIR (the folder of the interrupted map)");
        var (done, was) = o.Resume ? ReadPartial(o.Out!, claim, bound, axes, scale, seed, TaskOptions.ArchName(arch)) : ([], null);
        if (o.Out != null) OutputFolder.Prepare(o.Out, o.Force, o.Resume);
        if (o.Out != null && !o.Resume) File.Delete(Path.Combine(o.Out, PartialFile));   // stale from a --force'd folder

        var runner = Runner.Start(scale, seed, stderr, arch: arch);
        var manifest = Manifest.Capture(scale, seed) with { Selection = new[] { claim.Spec.Id }, Arch = TaskOptions.ArchName(arch) };
        if (was is not null) Manifest.RequireSamePolicy(was, manifest, Path.Combine(o.Out!, PartialFile));
        if (done.Count > 0) stderr.WriteLine($"resuming: {done.Count} point(s) already in {Path.Combine(o.Out!, PartialFile)}");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        MapResult? map = null;
        var saved = done.ToList();
        void Save(MapPoint p)
        {
            stderr.WriteLine(FormattableString.Invariant($"[{claim.Spec.Id} {MapMarkdown.At(axes, p)}] {MapMarkdown.StatusText(p)}: {bound.Metric} = {MapMarkdown.Value(p.Measured, p.Se)} ({p.Seconds:0.0} s)"));
            if (o.Out is null) return;
            saved.Add(p);
            var sofar = new MapResult(claim.Spec.Id, bound, axes, ranges, saved, null, false);
            MapJson.Write(o.Out, MapJson.Of(manifest, sofar), PartialFile);
        }
        // A claim that cannot run here (a missing dataset, --arch leaving out its network) or whose training diverges stops
        // the map with one line, as `run` reports it, before anything is written.
        try
        {
            runner.Progress.Run(() => map = BoundaryMap.Run(claim, bound, axes, ranges, k, runner.Context, Save, done));
        }
        catch (ClaimNotRunException e) { throw new BadInputException($"{claim.Spec.Id} cannot be mapped here: {e.Message}"); }
        catch (TheoryCheck.Torch.Training.TrainingDivergedException e) { throw new BadInputException($"{claim.Spec.Id}: training diverged at a map point: {e.Message}"); }
        var doc = MapJson.Of(manifest with { Models = TheoryCheck.Torch.ModelCache.Used, WallSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1) }, map!);
        string markdown = MapMarkdown.Render(doc);
        stdout.Write(markdown);
        if (o.Out != null)
        {
            MapJson.Write(o.Out, doc);
            AtomicFile.WriteText(Path.Combine(o.Out, "map.csv"), MapJson.Csv(doc));
            AtomicFile.WriteText(Path.Combine(o.Out, "map.md"), markdown);
            MapPlot.Write(doc, Path.Combine(o.Out, "map.png"));
            File.Delete(Path.Combine(o.Out, PartialFile));
            stderr.WriteLine($"wrote {Path.Combine(o.Out, "map.json")}, map.csv, map.md and map.png");
            // Run as a reference map is (docs/maps/), the map also gives its snapshot table: accept it as snapshots/NAME.verified.md.
            var reference = ReferenceMap.All.FirstOrDefault(r => axes.Count == 1 && seed == 1 && arch == r.Arch
                && r.Matches(claim.Spec.Id, axes[0].Name, ranges[0].Lo, ranges[0].Hi, k));
            if (reference is not null)
                stderr.WriteLine($"wrote {AtomicFile.WriteText(Path.Combine(o.Out, reference.Name + ".md"), reference.Table(map!, scale).ToMarkdown())} (the reference map's snapshot table)");
        }
        return Commands.Ok;
    }

    /// <summary>The points an interrupted map already measured; it must be a map of the same claim, bound and axes at the same
    /// scale, seed and --arch (its points do not depend on the range or K, which may change).</summary>
    static (IReadOnlyList<MapPoint> Points, Manifest? Was) ReadPartial(string dir, IClaim claim, Bound bound, IReadOnlyList<Axis> axes, Scale scale, int seed, string? arch)
    {
        string path = Path.Combine(dir, PartialFile);
        if (!File.Exists(path))
        {
            if (File.Exists(Path.Combine(dir, "map.json")))
                throw new BadInputException($"nothing to resume: the map in '{dir}' is complete (map.json exists); pass --force to redo it");
            return ([], null);
        }
        MapJson.Document doc;
        IReadOnlyList<MapPoint> points;
        try { doc = MapJson.Read(path); points = doc.Points.Select(MapJson.ToPoint).ToArray(); }
        catch (InvalidDataException e) { throw new BadInputException(e.Message); }
        var m = doc.Manifest;
        if (doc.Claim != claim.Spec.Id || doc.Bound != bound.Metric || !doc.Axes.Select(a => a.Name).SequenceEqual(axes.Select(a => a.Name))
            || m.Scale != scale.Name() || m.Seed != seed || m.Arch != arch)
            throw new BadInputException($"cannot resume: {path} maps {doc.Claim} {doc.Bound} along {string.Join(", ", doc.Axes.Select(a => a.Name))} at {m.Scale} scale, " +
                                        $"seed {m.Seed}, --arch {m.Arch ?? "both"}; give the same claim, --bound, --axis names, --scale, --seed and --arch");
        return (points, m);
    }

    static IClaim One(string id)
    {
        var claims = Commands.SelectClaims(new[] { id });
        if (claims.Count != 1 || !claims[0].Spec.Id.Equals(id, StringComparison.OrdinalIgnoreCase))
            throw new BadInputException($"map takes one claim id, got '{id}' ({claims.Count} claims)");
        return claims[0];
    }

    /// <summary>Each --axis NAME=LO..HI: a declared axis, LO &lt; HI, inside the axis's own definition; at most two, distinct.</summary>
    public static (IReadOnlyList<Axis> Axes, IReadOnlyList<(double Lo, double Hi)> Ranges) ParseAxes(IClaim claim, string[] given)
    {
        if (claim.Axes.Count == 0) throw new BadInputException($"{claim.Spec.Id} declares no axes to map");
        if (given.Length == 0) throw new BadInputException($"give --axis NAME=LO..HI (see `theorycheck map {claim.Spec.Id} --axes`)");
        if (given.Length > 2) throw new BadInputException($"a map has one or two axes, got {given.Length}");
        var axes = new List<Axis>();
        var ranges = new List<(double, double)>();
        foreach (var text in given)
        {
            int eq = text.IndexOf('='), dots = text.IndexOf("..", StringComparison.Ordinal);
            if (eq <= 0 || dots < eq)
                throw new BadInputException($"--axis '{text}': expected NAME=LO..HI, e.g. {claim.Axes[0].Name}={claim.Axes[0].Format(claim.Axes[0].Min)}..{claim.Axes[0].Format(claim.Axes[0].Max)}");
            string name = text[..eq];
            var axis = claim.Axes.FirstOrDefault(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw new BadInputException($"{claim.Spec.Id} has no axis '{name}' (it has: {string.Join(", ", claim.Axes.Select(a => a.Name))})");
            if (axes.Contains(axis)) throw new BadInputException($"--axis {axis.Name} is given twice");
            if (!double.TryParse(text[(eq + 1)..dots], NumberStyles.Float, CultureInfo.InvariantCulture, out double lo)
                || !double.TryParse(text[(dots + 2)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double hi))
                throw new BadInputException($"--axis '{text}': LO and HI must be numbers");
            if (!(lo < hi)) throw new BadInputException($"--axis {axis.Name}: LO must be below HI, got {text[(eq + 1)..]}");
            if (lo < axis.Min || hi > axis.Max)
                throw new BadInputException($"--axis {axis.Name}: {text[(eq + 1)..]} leaves the axis's definition {axis.Format(axis.Min)}..{axis.Format(axis.Max)} {axis.Unit}");
            axes.Add(axis);
            ranges.Add((lo, hi));
        }
        return (axes, ranges);
    }

    static int ParsePoints(string? text)
    {
        if (text is null) return DefaultPoints;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int k) || k < 2)
            throw new BadInputException($"--points must be an integer ≥ 2, got '{text}'");
        return k;
    }

    /// <summary>--bound METRIC, or the claim's first bound that is not a declared miss.</summary>
    static Bound ParseBound(IClaim claim, string? metric)
    {
        if (metric is null) return claim.Spec.Bounds.FirstOrDefault(b => !b.Declared) ?? claim.Spec.Bounds[0];
        return claim.Spec.Bounds.FirstOrDefault(b => b.Metric.Equals(metric, StringComparison.OrdinalIgnoreCase))
            ?? throw new BadInputException($"{claim.Spec.Id} has no bound '{metric}' (it has: {string.Join(", ", claim.Spec.Bounds.Select(b => b.Metric))})");
    }
}
