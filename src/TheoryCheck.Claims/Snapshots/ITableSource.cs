// A producer of one result table. Catalog.Tables lists every one: the snapshot-gated tables, so that a verified file no
// producer writes is caught, and the report-only figure data that report.md and the plots draw.
using TheoryCheck.Claims.Core;

namespace TheoryCheck.Claims.Snapshots;

public interface ITableSource
{
    /// <summary>Table name: snapshots/{Name}.verified.md for a snapshot, DIR/tables/{Name}.md in a report, and the key of its plots.</summary>
    string Name { get; }

    /// <summary>Ids of the claims whose results this table shows (the README index links them to it).</summary>
    IReadOnlyList<string> Shows => Array.Empty<string>();

    /// <summary>The cells that carry a claim's bound in that claim's own setting (the snapshot must gate them inside the
    /// bound's margin); empty for figure data in settings of its own.</summary>
    IReadOnlyList<ClaimCell> ClaimCells => Array.Empty<ClaimCell>();

    /// <summary>Key of the claim family the table belongs to ("MB"): report.md and results.csv show it beside those claims.</summary>
    string Family { get; }

    /// <summary>True when snapshots/{Name}.verified.md gates the table; false for report-only figure data (quantiles of a
    /// small eval set, curves), which is for looking at and has no tolerances.</summary>
    bool IsSnapshot { get; }

    /// <summary>How a report draws the table when the tool has no figure of its own for it (a user's table): null draws none.</summary>
    TablePlot? Plot => null;

    /// <summary>Builds the table deterministically from the context's seed (same seed, same machine ⇒ same bytes).</summary>
    ResultTable Build(RunContext ctx);
}
