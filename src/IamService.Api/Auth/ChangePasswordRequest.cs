using System.ComponentModel.DataAnnotations;

namespace IamService.Api.Auth;

/// <summary>A signed-in user's change of their own password (IAM ChangePassword).</summary>
/// <example>{"oldPassword": "Tr4vel-Plans-Ahead!", "newPassword": "Quiet-Harbour-Lights-7"}</example>
public sealed record ChangePasswordRequest(
    [Required, StringLength(128, MinimumLength = 1)] string OldPassword,
    [Required, StringLength(256, MinimumLength = 1)] string NewPassword);
