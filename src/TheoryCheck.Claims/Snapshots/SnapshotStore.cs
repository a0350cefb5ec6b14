// Verified result tables under snapshots/ (Verify's received/verified life cycle without Verify): compare cell by cell
// with per-column tolerances; on mismatch write {name}.received.md beside the verified file; never accept under CI.
using System.Globalization;
using System.Reflection;

namespace TheoryCheck.Claims.Snapshots;

public sealed record SnapshotCheck(string Name, bool Ok, IReadOnlyList<string> Problems, string VerifiedPath, string? ReceivedPath)
{
    public string Message => Ok ? $"{Name}: matches" :
        $"snapshot {Name} differs from {Path.GetFileName(VerifiedPath)} ({Problems.Count} problem(s); received: {ReceivedPath}):\n  " +
        string.Join("\n  ", Problems.Take(20)) +
        "\nAccept deliberately with: " + AcceptCommand;

    /// <summary>The command that accepts this table's received file.</summary>
    public string AcceptCommand { get; init; } = "";
}

public sealed class SnapshotStore(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>The assembly metadata key a user's project sets (the packages' buildTransitive targets do, from
    /// $(TheoryCheckSnapshotDir), default the project's own snapshots/ folder).</summary>
    public const string MetadataKey = "TheoryCheckSnapshots";

    /// <summary>The repository's snapshots/ folder: THEORYCHECK_SNAPSHOTS, else the repo root baked in at build time.</summary>
    public static SnapshotStore Default() => For(typeof(SnapshotStore).Assembly);

    /// <summary>The snapshots folder of the project that built <paramref name="assembly"/>: THEORYCHECK_SNAPSHOTS, else its
    /// <see cref="MetadataKey"/> metadata, else its repository root's snapshots/ (this repository's projects), else
    /// ./snapshots.</summary>
    public static SnapshotStore For(Assembly assembly)
    {
        var env = Environment.GetEnvironmentVariable("THEORYCHECK_SNAPSHOTS");
        if (!string.IsNullOrEmpty(env)) return new SnapshotStore(env);
        string? Metadata(string key) =>
            assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value is { Length: > 0 } v ? v : null;
        if (Metadata(MetadataKey) is { } own) return new SnapshotStore(own);
        return new SnapshotStore(Path.Combine(Metadata("RepoRoot") ?? ".", "snapshots"));
    }

    /// <summary>True for the repository's own folder, whose accept command is the repository's CLI.</summary>
    bool IsRepositoryDefault => Path.GetFullPath(Directory) == Path.GetFullPath(Default().Directory);

    public string VerifiedPath(string name) => Path.Combine(Directory, name + ".verified.md");
    public string ReceivedPath(string name) => Path.Combine(Directory, name + ".received.md");

    /// <summary>True under CI (CI, GITHUB_ACTIONS, TF_BUILD set): nothing is ever auto-accepted.</summary>
    public static bool IsCi => new[] { "CI", "GITHUB_ACTIONS", "TF_BUILD" }
        .Any(v => Environment.GetEnvironmentVariable(v) is { Length: > 0 } s && s != "0" && !s.Equals("false", StringComparison.OrdinalIgnoreCase));

    /// <summary>Opt-in local auto-accept: THEORYCHECK_ACCEPT=1, ignored under CI.</summary>
    public static bool AutoAccept => !IsCi && Environment.GetEnvironmentVariable("THEORYCHECK_ACCEPT") == "1";

    public SnapshotCheck Match(ResultTable table)
    {
        string verified = VerifiedPath(table.Name), received = ReceivedPath(table.Name);
        string text = table.ToMarkdown();
        var problems = File.Exists(verified)
            ? Compare(File.ReadAllText(verified).Replace("\r\n", "\n"), text, table.Tolerances)
            : new List<string> { $"no verified snapshot {Path.GetFileName(verified)} yet" };
        if (problems.Count == 0)
        {
            if (File.Exists(received)) File.Delete(received);
            return new SnapshotCheck(table.Name, true, problems, verified, null);
        }
        if (AutoAccept)
        {
            AtomicFile.WriteText(verified, text);
            if (File.Exists(received)) File.Delete(received);
            return new SnapshotCheck(table.Name, true, Array.Empty<string>(), verified, null);
        }
        AtomicFile.WriteText(received, text);
        return new SnapshotCheck(table.Name, false, problems, verified, received)
        {
            AcceptCommand = IsRepositoryDefault ? $"dotnet run --project src/TheoryCheck.Cli -- accept {table.Name}"
                                                : $"theorycheck accept --snapshots {Directory} {table.Name}",
        };
    }

    /// <summary>Renames {name}.received.md over {name}.verified.md. Returns false if there was nothing to accept.</summary>
    public bool Accept(string name)
    {
        string received = ReceivedPath(name), verified = VerifiedPath(name);
        if (!File.Exists(received)) return false;
        if (File.Exists(verified) && File.ReadAllText(verified) == File.ReadAllText(received)) { File.Delete(received); return false; }
        File.Move(received, verified, overwrite: true);
        return true;
    }

    public IEnumerable<string> PendingNames() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*.received.md").Select(f => Path.GetFileName(f)[..^".received.md".Length]).Order()
            : Enumerable.Empty<string>();

    public IEnumerable<string> VerifiedNames() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*.verified.md").Select(f => Path.GetFileName(f)[..^".verified.md".Length]).Order()
            : Enumerable.Empty<string>();

    /// <summary>Cell-level differences between an expected and a received table text; empty when they match.</summary>
    public static List<string> Compare(string expected, string got, IReadOnlyDictionary<string, Tolerance> tolerances)
    {
        var problems = new List<string>();
        var (eHead, eTable) = Split(expected);
        var (gHead, gTable) = Split(got);
        if (eHead != gHead) problems.Add($"header lines differ:\n    expected: {eHead.Replace("\n", "⏎")}\n    got:      {gHead.Replace("\n", "⏎")}");
        if (eTable.Count < 2) { problems.Add("verified file has no markdown table (corrupt snapshot?)"); return problems; }
        var columns = Cells(eTable[0]);
        if (!columns.SequenceEqual(Cells(gTable[0])))
        {
            problems.Add($"columns differ: expected [{string.Join(", ", columns)}] got [{string.Join(", ", Cells(gTable[0]))}]");
            return problems;
        }
        if (eTable.Count != gTable.Count) problems.Add($"row count: expected {eTable.Count - 2} got {gTable.Count - 2}");
        for (int r = 2; r < Math.Min(eTable.Count, gTable.Count); r++)
        {
            var e = Cells(eTable[r]); var g = Cells(gTable[r]);
            if (e.Length != g.Length) { problems.Add($"row {r - 1}: expected {e.Length} cells got {g.Length}"); continue; }
            for (int c = 0; c < e.Length; c++)
            {
                string col = c < columns.Length ? columns[c] : $"#{c}";
                if (ResultTable.ToleranceFor(tolerances, e[0], col) is { } tol && TryNumber(e[c], out var ev, out var es) && TryNumber(g[c], out var gv, out var gs))
                {
                    double allowed = tol.Allowed(ev, es, gs), diff = Math.Abs(gv - ev);
                    if (!(diff <= allowed))
                        problems.Add(string.Create(CultureInfo.InvariantCulture,
                            $"row {r - 1} ({e[0]}) '{col}': expected {e[c]} got {g[c]} (|diff|={diff:G4} > {allowed:G4})"));
                }
                else if (e[c] != g[c])
                    problems.Add($"row {r - 1} ({e[0]}) '{col}': expected '{e[c]}' got '{g[c]}'");
            }
        }
        return problems;
    }

    static (string Head, List<string> Table) Split(string text)
    {
        var lines = text.Split('\n');
        var head = string.Join("\n", lines.TakeWhile(l => !l.StartsWith('|')).Where(l => l.Length > 0));
        var table = lines.SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).ToList();
        return (head, table);
    }

    static string[] Cells(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();

    /// <summary>Parses "1.234" or "1.234 ± 0.012" (also "[lo, hi]" suffixes are ignored after the value).</summary>
    public static bool TryNumber(string cell, out double value, out double se)
    {
        se = 0;
        var parts = cell.Split('±');
        bool ok = double.TryParse(parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "",
                                  NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        if (ok && parts.Length > 1)
            ok = double.TryParse(parts[1].Trim().Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out se);
        return ok;
    }
}
