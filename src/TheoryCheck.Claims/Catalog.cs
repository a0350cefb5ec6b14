// One catalogue of claims and result tables (conventions C4): the CLI, the specs and `list --markdown` (the README index) read it.
using TheoryCheck.Claims.Core;

namespace TheoryCheck.Claims;

public static class Catalog
{
    /// <summary>Every claim, in id order within family order.</summary>
    public static IReadOnlyList<IClaim> Claims { get; } =
        MetaLearning.MetaLearningFamily.Claims.Concat(PromptTuning.PromptTuningFamily.Claims).Concat(Attention.AttentionFamily.Claims).ToArray();

    /// <summary>Every snapshot table some test produces; a verified file not listed here fails the dangling check.</summary>
    public static IReadOnlyList<Snapshots.ITableSource> Tables { get; } =
        MetaLearning.MetaLearningFamily.Tables.Concat(PromptTuning.PromptTuningFamily.Tables).Concat(Attention.AttentionFamily.Tables).ToArray();

    public static IReadOnlyList<string> Families => Claims.Select(c => c.Spec.Family).Distinct().ToArray();

    /// <summary>The claim with this id (exact, as in the catalogue).</summary>
    /// <exception cref="ArgumentException">No claim has this id.</exception>
    public static IClaim ById(string id) =>
        Claims.FirstOrDefault(c => c.Spec.Id == id) ?? throw new ArgumentException($"unknown claim id '{id}'");

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
