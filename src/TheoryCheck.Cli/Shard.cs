// `--shard i/n`: a deterministic 1/n of the selected work. Round-robin over catalogue order, so every shard gets a mix of
// fast exact-math and slower training claims, and shards of one selection never overlap and always cover it.
using System.Globalization;

namespace TheoryCheck.Cli;

/// <param name="Index">1-based shard number, 1 ≤ Index ≤ Count.</param>
public sealed record Shard(int Index, int Count)
{
    /// <exception cref="BadInputException">Not "i/n" with integers 1 ≤ i ≤ n.</exception>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            || n < 1 || i < 1 || i > n)
            throw new BadInputException($"--shard must be i/n with 1 <= i <= n (e.g. 1/4), got '{text}'");
        return new Shard(i, n);
    }

    /// <summary>Items at positions Index−1, Index−1+Count, …: this shard's part of <paramref name="all"/>.</summary>
    public IReadOnlyList<T> Pick<T>(IReadOnlyList<T> all) => all.Where((_, k) => k % Count == Index - 1).ToArray();

    public override string ToString() => $"{Index}/{Count}";
}
