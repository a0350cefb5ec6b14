// `accept` touches only snapshots whose received file differs, says what it accepted, and checks every name first.
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Cli;

namespace TheoryCheck.Tests.Cli;

[Trait("Tier", "Fast")]
public sealed class AcceptTests
{
    [Fact]
    public void AcceptsOnlyChangedSnapshotsAndSaysWhich()
    {
        using var dir = new TempDir();
        var store = new SnapshotStore(dir.Path);
        Directory.CreateDirectory(dir.Path);
        File.WriteAllText(store.VerifiedPath("changed"), "old\n");
        File.WriteAllText(store.ReceivedPath("changed"), "new\n");
        File.WriteAllText(store.VerifiedPath("same"), "same\n");
        File.WriteAllText(store.ReceivedPath("same"), "same\n");
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(store.VerifiedPath("same"), stamp);

        var output = new StringWriter();
        Assert.Equal(0, Commands.Accept(Array.Empty<string>(), output, store));
        Assert.Equal(new[] { "accepted changed.verified.md", "unchanged same (received equals verified; removed)" },
                     output.ToString().TrimEnd().Split(Environment.NewLine));
        Assert.Equal("new\n", File.ReadAllText(store.VerifiedPath("changed")));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(store.VerifiedPath("same")));
        Assert.Empty(store.PendingNames());
    }

    [Fact]
    public void AnUnknownNameAcceptsNothing()
    {
        using var dir = new TempDir();
        var store = new SnapshotStore(dir.Path);
        Directory.CreateDirectory(dir.Path);
        File.WriteAllText(store.ReceivedPath("a"), "new\n");
        Assert.Throws<BadInputException>(() => Commands.Accept(new[] { "a", "nope" }, new StringWriter(), store));
        Assert.False(File.Exists(store.VerifiedPath("a")));
    }
}
