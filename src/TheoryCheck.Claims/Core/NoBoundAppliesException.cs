// Thrown by Claim.Run after a run in which no bound applied in any case (every measurement Measurement.NotApplicable): it
// checked nothing, so it is not applicable rather than a pass. A map reads it as a point it could not measure (BoundaryMap),
// not as a claim that cannot be mapped.
namespace TheoryCheck.Claims.Core;

public sealed class NoBoundAppliesException(string message) : ClaimNotRunException(message);
