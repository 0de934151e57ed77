namespace IamService.Api.Policies;

/// <summary>Every version of a managed policy (at most five), newest first, as IAM lists them.</summary>
public sealed record PolicyVersionListResponse(IReadOnlyList<PolicyVersionResponse> Versions);
