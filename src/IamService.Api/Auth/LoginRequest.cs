using System.ComponentModel.DataAnnotations;

namespace IamService.Api.Auth;

/// <summary>A sign-in with a password; root signs in with the user name <c>root</c>.</summary>
/// <example>{"userName": "alice", "password": "correct horse battery staple"}</example>
public sealed record LoginRequest(
    [Required, StringLength(128, MinimumLength = 1)] string UserName,
    [Required, StringLength(128, MinimumLength = 1)] string Password);
