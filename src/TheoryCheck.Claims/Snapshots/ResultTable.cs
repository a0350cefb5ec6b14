// A result table rendered as deterministic GitHub markdown (conventions C11): InvariantCulture, fixed decimals,
// no timings, dates or paths. Numeric cells may carry an uncertainty as "value ± se".
using System.Globalization;
using System.Text;

namespace TheoryCheck.Claims.Snapshots;

/// <summary>Per-column tolerance: |got − expected| ≤ Abs + Rel·|expected| + SeMultiple·max(se_expected, se_got).</summary>
public sealed record Tolerance(double Abs, double Rel = 0, double SeMultiple = 0)
{
    public static readonly Tolerance Exact = new(0);

    public double Allowed(double expected, double seExpected, double seGot) =>
        Abs + Rel * Math.Abs(expected) + SeMultiple * Math.Max(seExpected, seGot);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"abs {Abs:G4}{(Rel > 0 ? $" + rel {Rel:G4}" : "")}{(SeMultiple > 0 ? $" + {SeMultiple:G3}·SE" : "")}");

    /// <summary>Reads back <see cref="ToString"/>: "abs 0.02", "abs 0.1 + rel 0.1", "abs 0.02 + 4·SE".</summary>
    /// <exception cref="FormatException">Not in that form.</exception>
    public static Tolerance Parse(string text)
    {
        double abs = double.NaN, rel = 0, se = 0;
        foreach (var term in text.Split(" + ", StringSplitOptions.TrimEntries))
        {
            if (term.StartsWith("abs ")) abs = Number(term[4..]);
            else if (term.StartsWith("rel ")) rel = Number(term[4..]);
            else if (term.EndsWith("·SE")) se = Number(term[..^3]);
            else throw new FormatException($"tolerance term '{term}' in '{text}' is not 'abs X', 'rel X' or 'K·SE'");
        }
        if (double.IsNaN(abs)) throw new FormatException($"tolerance '{text}' has no 'abs' term");
        return new Tolerance(abs, rel, se);

        static double Number(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : throw new FormatException($"'{s}' is not a number");
    }
}

/// <summary>A numeric cell with an optional SE and its own number of decimals (e.g. 6 for small KLs).</summary>
public readonly record struct Cell(double Value, double? Se = null, int Decimals = 4);

public sealed class ResultTable
{
    readonly List<string[]> rows = new();

    /// <param name="name">Snapshot name: the file is snapshots/{name}.verified.md.</param>
    /// <param name="notes">Header lines (source, budget, seeds, tolerances); compared exactly, so keep them deterministic.</param>
    public ResultTable(string name, string title, IReadOnlyList<string> columns, IReadOnlyList<string>? notes = null,
                       IReadOnlyDictionary<string, Tolerance>? tolerances = null)
    {
        Name = name; Title = title; Columns = columns.ToArray(); Notes = notes?.ToArray() ?? Array.Empty<string>();
        Tolerances = tolerances ?? new Dictionary<string, Tolerance>();
        foreach (var key in Tolerances.Keys)
            if (!Columns.Contains(ColumnOf(key))) throw new ArgumentException($"tolerance given for unknown column '{ColumnOf(key)}'");
    }

    /// <summary>The key of one cell's own tolerance (row label, column), which overrides its column's: for a cell that
    /// equally valid numerics move further than its column's other cells (docs/reproducibility.md#8-snapshot-tolerances).</summary>
    public static string CellKey(string row, string column) => $"{row}{CellSeparator}{column}";

    const string CellSeparator = " ▸ ";

    static string ColumnOf(string key) => key.IndexOf(CellSeparator, StringComparison.Ordinal) is var at and >= 0 ? key[(at + CellSeparator.Length)..] : key;

    /// <summary>The tolerance of the cell at (<paramref name="row"/> label, <paramref name="column"/>): its own, else its
    /// column's; null when the cell must match as text.</summary>
    public static Tolerance? ToleranceFor(IReadOnlyDictionary<string, Tolerance> tolerances, string row, string column) =>
        tolerances.TryGetValue(CellKey(row, column), out var own) ? own : tolerances.TryGetValue(column, out var col) ? col : null;

    public string Name { get; }
    public string Title { get; }
    public string[] Columns { get; }
    public string[] Notes { get; }
    public IReadOnlyDictionary<string, Tolerance> Tolerances { get; }
    public IReadOnlyList<string[]> Rows => rows;

    public ResultTable Add(params object[] cells)
    {
        if (cells.Length != Columns.Length) throw new ArgumentException($"row has {cells.Length} cells, table {Name} has {Columns.Length} columns");
        rows.Add(cells.Select(Format).ToArray());
        return this;
    }

    /// <summary>Formats a number with a fixed count of decimals, a "value ± se" pair, or anything else via ToString.</summary>
    public static string Format(object cell) => cell switch
    {
        double d => Num(d),
        float f => Num(f),
        int i => i.ToString(CultureInfo.InvariantCulture),
        (double v, double se) => $"{Num(v)} ± {Num(se)}",
        Cell c => c.Se is { } se ? $"{Num(c.Value, c.Decimals)} ± {Num(se, c.Decimals)}" : Num(c.Value, c.Decimals),
        null => "",
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
    };

    public static string Num(double d, int decimals = 4) =>
        double.IsNaN(d) ? "NaN" : Math.Round(d, decimals).ToString("F" + decimals, CultureInfo.InvariantCulture);

    /// <summary>Reads back a table written by <see cref="ToMarkdown"/>: title, notes, columns and cells (as text).
    /// Tolerances are not restored; reports and plots need only the cells.</summary>
    public static ResultTable Parse(string name, string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        string title = lines.FirstOrDefault(l => l.StartsWith("# "))?[2..] ?? name;
        var notes = lines.Where(l => l.StartsWith("<!-- ") && l.EndsWith(" -->") && !l.StartsWith(TolerancesLine))
                         .Select(l => l[5..^4]).ToArray();
        var table = lines.SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).ToArray();
        if (table.Length < 2) throw new InvalidDataException($"{name}: no markdown table");
        static string[] Cells(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
        var parsed = new ResultTable(name, title, Cells(table[0]), notes);
        foreach (var row in table.Skip(2)) parsed.Add(Cells(row).Cast<object>().ToArray());
        return parsed;
    }

    /// <summary>How the header line that states the per-column tolerances begins (ToMarkdown writes it, Parse skips it).</summary>
    const string TolerancesLine = "<!-- tolerances: ";

    /// <summary>The per-column (and per-cell, <see cref="CellKey"/>) tolerances a table's "tolerances:" header line states
    /// (as <see cref="ToMarkdown"/> writes it).</summary>
    public static IReadOnlyDictionary<string, Tolerance> ParseTolerances(string markdown)
    {
        // The last such line: ToMarkdown writes it after the notes, and a note may itself begin with "tolerances:".
        var line = markdown.Replace("\r\n", "\n").Split('\n').LastOrDefault(l => l.StartsWith(TolerancesLine) && l.EndsWith(" -->"));
        var result = new Dictionary<string, Tolerance>();
        if (line is null) return result;
        foreach (var entry in line[TolerancesLine.Length..^4].Split("; "))
        {
            int at = entry.LastIndexOf(": abs ", StringComparison.Ordinal);   // column names may hold ':' themselves (coin:0.2 @50)
            if (at < 0) throw new FormatException($"tolerance entry '{entry}' has no ': abs '");
            result[entry[..at]] = Tolerance.Parse(entry[(at + 2)..]);
        }
        return result;
    }

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(Title).Append('\n');
        foreach (var n in Notes) sb.Append("<!-- ").Append(n).Append(" -->\n");
        if (Tolerances.Count > 0)
            sb.Append(TolerancesLine).Append(string.Join("; ", Columns.Where(Tolerances.ContainsKey)
                .Concat(Tolerances.Keys.Where(k => !Columns.Contains(k)).Order(StringComparer.Ordinal))
                .Select(k => $"{k}: {Tolerances[k]}"))).Append(" -->\n");
        sb.Append('\n');
        sb.Append("| ").Append(string.Join(" | ", Columns)).Append(" |\n");
        sb.Append('|').Append(string.Join("|", Columns.Select(c => Tolerances.ContainsKey(c) ? "--:" : ":--"))).Append("|\n");
        foreach (var r in rows) sb.Append("| ").Append(string.Join(" | ", r)).Append(" |\n");
        return sb.ToString();
    }
}
