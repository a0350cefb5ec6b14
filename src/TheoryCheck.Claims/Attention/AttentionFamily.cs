// The PA family (P2: softmax prompt-attention on a contextual mixture model): its claims and result tables, in id order.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Claims.Attention;

public static class AttentionFamily
{
    public static IReadOnlyList<IClaim> Claims { get; } = Array.Empty<IClaim>();

    public static IReadOnlyList<ITableSource> Tables { get; } = Array.Empty<ITableSource>();
}
