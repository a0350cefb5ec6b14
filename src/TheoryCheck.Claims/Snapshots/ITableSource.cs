// A producer of one snapshot table. The catalogue lists them so that a verified file no producer writes is caught.
using TheoryCheck.Claims.Core;

namespace TheoryCheck.Claims.Snapshots;

public interface ITableSource
{
    /// <summary>Snapshot name: snapshots/{Name}.verified.md.</summary>
    string Name { get; }

    /// <summary>Ids of the claims whose results this table shows (the README index links them to it).</summary>
    IReadOnlyList<string> Shows => Array.Empty<string>();

    /// <summary>Builds the table deterministically from the context's seed (same seed, same machine ⇒ same bytes).</summary>
    ResultTable Build(RunContext ctx);
}
