// The manifest records the commit of the code that ran: the build's own, not the checkout's HEAD when the two differ.
using TheoryCheck.Cli.Reporting;

namespace TheoryCheck.Tests.Cli;

[Trait("Tier", "Fast")]
public sealed class ManifestCommitTests
{
    const string Built = "fa51c291085b282076faf0803e5ceeb88ae3e109", Later = "f7ff67e8cab74747353748670e1ccdbd27964e1f";

    [Fact]
    public void ABinaryRunAfterLaterCommitsRecordsItsBuildAndIsDirty() =>
        Assert.Equal((Built, true), Manifest.CommitOf(Built, Later, () => false));

    [Fact]
    public void AtItsBuildCommitDirtyIsTheWorkingTreesState()
    {
        Assert.Equal((Built, false), Manifest.CommitOf(Built, Built, () => false));
        Assert.Equal((Built, true), Manifest.CommitOf(Built, Built, () => true));
    }

    [Fact]
    public void WithoutABuildCommitHeadIsAllThereIs()
    {
        Assert.Equal((Later, false), Manifest.CommitOf("unknown", Later, () => false));
        Assert.Equal(("unknown", false), Manifest.CommitOf("unknown", null, () => true));
        Assert.Equal((Built, false), Manifest.CommitOf(Built, null, () => true));
    }
}
