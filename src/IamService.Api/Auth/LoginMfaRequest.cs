using System.ComponentModel.DataAnnotations;

namespace IamService.Api.Auth;

/// <summary>The second step of a sign-in: the challenge from the first step and a code from the MFA device.</summary>
/// <example>{"mfaChallenge": "q3F0Vb4Jm2...", "code": "123456"}</example>
public sealed record LoginMfaRequest(
    [Required, StringLength(128, MinimumLength = 1)] string MfaChallenge,
    [Required, StringLength(16, MinimumLength = 1)] string Code);
