using System.ComponentModel.DataAnnotations;

namespace IamService.Api.Auth;

/// <summary>The second step of a sign-in: the challenge from the first step and a code from the MFA device.</summary>
/// <param name="MfaChallenge" example="q3F0Vb4Jm2xKpL8sT1nW6yZa0cE5gH7jR9uM4oQ2iD0">
/// The first step's mfaChallenge.</param>
/// <param name="Code" example="123456">The six-digit code the MFA device shows now.</param>
public sealed record LoginMfaRequest(
    [Required, StringLength(128, MinimumLength = 1)] string MfaChallenge,
    [Required, StringLength(16, MinimumLength = 1)] string Code);
