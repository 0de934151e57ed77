namespace IamService.Api.Sts;

/// <summary>
/// A role session as policies see it: <c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>, and the value of
/// aws:userid, <c>ROLEID:SESSION</c>.
/// </summary>
/// <param name="Arn" example="arn:aws:sts::123456789012:assumed-role/Deployer/alice">The session's ARN.</param>
/// <param name="AssumedRoleId" example="AROADBQP57FF2AEXAMPLE:alice">The role's id and the session name.</param>
public sealed record AssumedRoleUser(string Arn, string AssumedRoleId);
