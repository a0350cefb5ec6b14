// One catalogue of claims and result tables (conventions C4): the CLI, the specs and `list --markdown` (the README index) read it.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Claims;

public static class Catalog
{
    /// <summary>Every claim, in id order within family order.</summary>
    public static IReadOnlyList<IClaim> Claims { get; } =
        MetaLearning.MetaLearningFamily.Claims.Concat(PromptTuning.PromptTuningFamily.Claims).Concat(Attention.AttentionFamily.Claims).ToArray();

    /// <summary>Every result table, as the families list them: the snapshot-gated ones first, in family order (a verified file
    /// none of them writes fails the dangling check), then the report-only ones. A run builds them, and `--shard` deals
    /// them out, in this order.</summary>
    public static IReadOnlyList<ITableSource> Tables { get; } =
        MetaLearning.MetaLearningFamily.Tables.Concat(PromptTuning.PromptTuningFamily.Tables).Concat(Attention.AttentionFamily.Tables)
            .OrderBy(t => !t.IsSnapshot).ToArray();   // a stable sort: family order holds within each group

    /// <summary>Every catalogued mutant (near misses for `power`), family by family: each family's catalogue sits beside its claims.</summary>
    public static IReadOnlyList<Power.Mutant> Mutants { get; } =
        MetaLearning.MetaLearningMutants.All.Concat<Power.Mutant>(PromptTuning.PromptTuningMutants.All).Concat(Attention.AttentionMutants.All).ToArray();

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
