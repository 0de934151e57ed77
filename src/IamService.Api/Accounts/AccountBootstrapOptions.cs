namespace IamService.Api.Accounts;

/// <summary>How the account and its root user are created on first start.</summary>
public sealed class AccountBootstrapOptions
{
    /// <summary>The configuration key (an environment variable) that sets root's first password.</summary>
    public const string RootPasswordKey = "IAM_ROOT_PASSWORD";

    /// <summary>Root's first password; when empty a strong one is generated and printed once.</summary>
    public string? RootPassword { get; set; }
}
