// Redirected progress: start and final lines always, other lines as they come, training-step lines at most once a second.
using TheoryCheck.Cli;

namespace TheoryCheck.Tests.Cli;

[Trait("Tier", "Fast")]
public sealed class ProgressTests
{
    [Fact]
    public void PlainProgressThrottlesStepLinesButKeepsTheLastAndTheFinalLine()
    {
        var log = new StringWriter();
        var p = Progress.For(log);
        p.Run(() =>
        {
            p.Start("MB-1", "[MB-1] running");
            p.Line("MB-1", "  meta-training lstm: step 1/100 loss 0.700 (0 s)");
            p.Line("MB-1", "  meta-training lstm: step 2/100 loss 0.690 (0 s)"); // within a second of step 1: dropped
            p.Line("MB-1", "  evaluation on 64 sequences");
            p.Line("MB-1", "  meta-training lstm: step 100/100 loss 0.600 (0 s)"); // the last step is always shown
            p.Done("MB-1", "[MB-1] pass in 0.1 s");
        });
        Assert.Equal(new[] { "[MB-1] running", "  meta-training lstm: step 1/100 loss 0.700 (0 s)", "  evaluation on 64 sequences",
                             "  meta-training lstm: step 100/100 loss 0.600 (0 s)", "[MB-1] pass in 0.1 s" },
                     log.ToString().TrimEnd().Split(Environment.NewLine));
    }
}
