namespace IamService.Policies;

/// <summary>What the statements of one policy slot contributed.</summary>
[Flags]
internal enum ScanResult
{
    None = 0,
    Allow = 1,
    Deny = 2,
    Error = 4,

    /// <summary>An Allow statement named the caller by its own ARN (resource-based policies only).</summary>
    DirectAllow = 8,
}
