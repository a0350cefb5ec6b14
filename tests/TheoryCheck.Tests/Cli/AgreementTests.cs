// The rerun tolerance: exact values within 1e-9 + 1e-6·|old|, statistical ones within 4·SE + 1e-9; verdicts must match.
using TheoryCheck.Cli.Reporting;

namespace TheoryCheck.Tests.Cli;

[Trait("Tier", "Fast")]
public sealed class AgreementTests
{
    static ResultsJson.BoundDto B(double measured, double se) => new("m", "<=", 1, measured, se, measured + 1.645 * se, 10, "mean", true, null);

    static ResultsJson.ClaimDto C(string verdict, params ResultsJson.BoundDto[] bounds) =>
        new("X-1", "P1", "X", "s", "st", verdict, "r", "case", 1, 0, null, bounds, new ResultsJson.ControlDto("c", "fails", Array.Empty<ResultsJson.BoundDto>()));

    [Theory]
    [InlineData(2.0, 0, 2.0 + 1.9e-6, true)]
    [InlineData(2.0, 0, 2.0 + 2.2e-6, false)]
    [InlineData(0.5, 0.01, 0.539, true)]
    [InlineData(0.5, 0.01, 0.541, false)]
    public void ValuesAgreeWithinTheStatedTolerance(double old, double se, double now, bool agrees) =>
        Assert.Equal(agrees, Agreement.Compare(C("pass", B(old, se)), C("pass", B(now, se))).Agrees);

    [Fact]
    public void AChangedVerdictDisagreesEvenWithEqualValues()
    {
        var a = Agreement.Compare(C("pass", B(1, 0)), C("fail", B(1, 0)));
        Assert.False(a.Agrees);
        Assert.Contains("verdict pass → fail", a.Problem);
    }

    [Fact]
    public void NanAgreesOnlyWithNan()
    {
        Assert.True(Agreement.Compare(C("fail", B(double.NaN, 0)), C("fail", B(double.NaN, 0))).Agrees);
        Assert.False(Agreement.Compare(C("fail", B(double.NaN, 0)), C("fail", B(1, 0))).Agrees);
    }
}
