namespace IamService.Api.Sts;

/// <summary>
/// A role session as policies see it: <c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>, and the value of
/// aws:userid, <c>ROLEID:SESSION</c>.
/// </summary>
public sealed record AssumedRoleUser(string Arn, string AssumedRoleId);
