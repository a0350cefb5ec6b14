// Shared helpers of the CLI tests: invoke the command in-process, and a fresh temp folder that is removed afterwards.
using TheoryCheck.Cli;

namespace TheoryCheck.Tests.Cli;

public static class CliRun
{
    public static (int Code, string Out, string Err) Invoke(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = Commands.Invoke(args, o, e);
        return (code, o.ToString(), e.ToString());
    }
}

/// <summary>A unique folder under the temp dir (not created), deleted with everything in it on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tc-cli-" + Guid.NewGuid().ToString("N"));

    public string this[string child] => System.IO.Path.Combine(Path, child);

    public void Dispose() { if (Directory.Exists(Path)) Directory.Delete(Path, true); }
}
