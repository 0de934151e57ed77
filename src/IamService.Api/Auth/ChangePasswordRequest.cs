using System.ComponentModel.DataAnnotations;

namespace IamService.Api.Auth;

/// <summary>A signed-in user's change of their own password (IAM ChangePassword).</summary>
/// <param name="OldPassword" example="Tr4vel-Plans-Ahead!">The current password.</param>
/// <param name="NewPassword" example="Quiet-Harbour-Lights-7">The new one, which must meet the password policy.</param>
public sealed record ChangePasswordRequest(
    [Required, StringLength(128, MinimumLength = 1)] string OldPassword,
    [Required, StringLength(256, MinimumLength = 1)] string NewPassword);
