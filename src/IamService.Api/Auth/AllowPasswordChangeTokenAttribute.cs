namespace IamService.Api.Auth;

/// <summary>
/// Marks the endpoints that a password-change token (issued for an expired or reset password) may call; every
/// other endpoint refuses such a token.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = false)]
public sealed class AllowPasswordChangeTokenAttribute : Attribute;
