using System.ComponentModel.DataAnnotations;

namespace IamService.Api.Auth;

/// <summary>A sign-in with a password; root signs in with the user name <c>root</c>.</summary>
/// <param name="UserName" example="alice">The user's name, or <c>root</c>.</param>
/// <param name="Password" example="correct horse battery staple">The user's password.</param>
public sealed record LoginRequest(
    [Required, StringLength(128, MinimumLength = 1)] string UserName,
    [Required, StringLength(128, MinimumLength = 1)] string Password);
