using Microsoft.AspNetCore.Authorization;

namespace IamService.Client.Authorization;

/// <summary>The signed-in user must be allowed an action by IamService, such as <c>s3:GetObject</c>.</summary>
public sealed class IamActionRequirement(string action) : IAuthorizationRequirement
{
    public string Action { get; } = action;

    public override string ToString() => $"IamService must allow {Action}";
}
