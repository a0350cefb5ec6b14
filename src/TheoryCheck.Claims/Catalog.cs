// One catalogue of claims and result tables (conventions C4): the CLI, the specs and `list --markdown` (the README index) read it.
// The built-in families are fixed; a user's own families join through Register (the CLI's --claims, docs/writing-a-claim.md).
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Claims;

public static class Catalog
{
    static readonly IReadOnlyList<IClaim> BuiltInClaims =
        MetaLearning.MetaLearningFamily.Claims.Concat(PromptTuning.PromptTuningFamily.Claims).Concat(Attention.AttentionFamily.Claims).ToArray();

    static readonly IReadOnlyList<ITableSource> BuiltInTables =
        MetaLearning.MetaLearningFamily.Tables.Concat(PromptTuning.PromptTuningFamily.Tables).Concat(Attention.AttentionFamily.Tables).ToArray();

    static readonly IReadOnlyList<Power.Mutant> BuiltInMutants =
        MetaLearning.MetaLearningMutants.All.Concat<Power.Mutant>(PromptTuning.PromptTuningMutants.All).Concat(Attention.AttentionMutants.All).ToArray();

    /// <summary>Families registered from users' assemblies (<see cref="Register"/>), after the built-in ones.</summary>
    static readonly List<IClaimFamily> Registered = [];
    static readonly object Gate = new();

    /// <summary>Every claim, in id order within family order: MB, PT, PA, then registered families in registration order.</summary>
    public static IReadOnlyList<IClaim> Claims { get; private set; } = BuiltInClaims;

    /// <summary>Every result table, as the families list them: the snapshot-gated ones first, in family order (a verified file
    /// none of them writes fails the dangling check), then the report-only ones. A run builds them, and `--shard` deals
    /// them out, in this order.</summary>
    public static IReadOnlyList<ITableSource> Tables { get; private set; } = Ordered(BuiltInTables);

    /// <summary>Every catalogued mutant (near misses for `power`), family by family: each family's catalogue sits beside its claims.</summary>
    public static IReadOnlyList<Power.Mutant> Mutants { get; private set; } = BuiltInMutants;

    /// <summary>The families registered from users' assemblies, in registration order.</summary>
    public static IReadOnlyList<IClaimFamily> RegisteredFamilies { get { lock (Gate) return Registered.ToArray(); } }

    /// <summary>The built-in claim ids: a registered family may not reuse them.</summary>
    public static bool IsBuiltIn(IClaim claim) => BuiltInClaims.Contains(claim);

    static IReadOnlyList<ITableSource> Ordered(IEnumerable<ITableSource> tables) =>
        tables.OrderBy(t => !t.IsSnapshot).ToArray();   // a stable sort: family order holds within each group

    /// <summary>Adds a family from a user's assembly: its claims, tables and mutants then count exactly like built-in ones
    /// for selection, runs, reports, reruns, maps and power. Dispose the result to remove it again (tests do).</summary>
    /// <exception cref="ArgumentException">The family has no claims, a claim carries another family key, or an id, family key
    /// or table name clashes with one already catalogued.</exception>
    public static IDisposable Register(IClaimFamily family)
    {
        lock (Gate)
        {
            string key = family.Key;
            if (family.Claims.Count == 0) throw new ArgumentException($"claim family '{key}' ({family.GetType().FullName}) has no claims");
            if (Families.Contains(key, StringComparer.OrdinalIgnoreCase) || key.Equals("all", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"claim family key '{key}' ({family.GetType().FullName}) is already taken");
            foreach (var c in family.Claims)
            {
                if (c.Spec.Family != key)
                    throw new ArgumentException($"claim {c.Spec.Id} of family '{key}' carries family key '{c.Spec.Family}' in its spec");
                if (Claims.Concat(family.Claims.TakeWhile(x => x != c)).FirstOrDefault(x => x.Spec.Id.Equals(c.Spec.Id, StringComparison.OrdinalIgnoreCase)) is { } clash)
                    throw new ArgumentException($"claim id '{c.Spec.Id}' of family '{key}' clashes with {(IsBuiltIn(clash) ? "a built-in" : "an already loaded")} claim");
            }
            if (family.Tables.FirstOrDefault(t => Tables.Any(x => x.Name == t.Name)) is { } table)
                throw new ArgumentException($"table '{table.Name}' of family '{key}' clashes with a catalogued table");
            Registered.Add(family);
            Rebuild();
            return new Registration(family);
        }
    }

    sealed class Registration(IClaimFamily family) : IDisposable
    {
        public void Dispose() { lock (Gate) { if (Registered.Remove(family)) Rebuild(); } }
    }

    static void Rebuild()
    {
        Claims = BuiltInClaims.Concat(Registered.SelectMany(f => f.Claims)).ToArray();
        Tables = Ordered(BuiltInTables.Concat(Registered.SelectMany(f => f.Tables)));
        Mutants = BuiltInMutants.Concat(Registered.SelectMany(f => f.Mutants)).ToArray();
    }

    public static IReadOnlyList<string> Families => Claims.Select(c => c.Spec.Family).Distinct().ToArray();

    /// <summary>The claim with this id (exact, as in the catalogue).</summary>
    /// <exception cref="ArgumentException">No claim has this id.</exception>
    public static IClaim ById(string id) =>
        Claims.FirstOrDefault(c => c.Spec.Id == id) ?? throw new ArgumentException($"unknown claim id '{id}'");

    /// <summary>The tables of the claims' families, in <see cref="Tables"/> order.</summary>
    public static IReadOnlyList<ITableSource> TablesOf(IEnumerable<IClaim> claims)
    {
        var families = claims.Select(c => c.Spec.Family).ToHashSet();
        return Tables.Where(t => families.Contains(t.Family)).ToArray();
    }

    /// <summary>The registered table called <paramref name="name"/>, or null (a table file this version does not know).</summary>
    public static ITableSource? Table(string name) => Tables.FirstOrDefault(t => t.Name == name);

    /// <summary>Resolves "all", family keys ("MB") and ids ("MB-1"), case-insensitively, keeping catalogue order.</summary>
    /// <exception cref="ArgumentException">An unknown id or family, named in a one-line message.</exception>
    public static IReadOnlyList<IClaim> Select(IEnumerable<string> selectors)
    {
        var wanted = new HashSet<IClaim>();
        foreach (var raw in selectors.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries)))
        {
            string s = raw.Trim();
            var hit = s.Equals("all", StringComparison.OrdinalIgnoreCase) ? Claims
                : Claims.Where(c => c.Spec.Id.Equals(s, StringComparison.OrdinalIgnoreCase)
                                 || c.Spec.Family.Equals(s, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (hit.Count == 0)
                throw new ArgumentException($"unknown claim id or family '{s}' (known: all, {string.Join(", ", Families)}, " +
                                            $"{string.Join(", ", Claims.Select(c => c.Spec.Id))})");
            wanted.UnionWith(hit);
        }
        if (wanted.Count == 0) throw new ArgumentException("no claims selected (give ids, a family, or 'all')");
        return Claims.Where(wanted.Contains).ToArray();
    }
}
