namespace IamService.Policies;

/// <summary>One value of a Principal map, such as <c>"AWS": "arn:aws:iam::111122223333:root"</c>.</summary>
public sealed record PolicyPrincipalEntry(PrincipalKind Kind, string Value);
