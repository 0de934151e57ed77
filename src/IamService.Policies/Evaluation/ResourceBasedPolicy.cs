namespace IamService.Policies;

/// <summary>
/// The policy attached to the requested resource, with the account that owns the resource: a caller from
/// that account is evaluated with same-account rules, any other caller with cross-account rules.
/// </summary>
public sealed record ResourceBasedPolicy(CompiledPolicy Policy, string OwnerAccountId);
