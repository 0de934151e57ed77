namespace IamService.Policies;

/// <summary>What the statements of one policy slot contributed.</summary>
[Flags]
internal enum ScanResult
{
    None = 0,
    Allow = 1,
    Deny = 2,
    Error = 4,

    /// <summary>A resource-based Allow named the caller, its role or everyone, not only its account.</summary>
    GrantingAllow = 8,

    /// <summary>A resource-based Allow named the caller by its own ARN: the user or the session.</summary>
    DirectAllow = 16,
}
