namespace IamService.Api.AuthorizationDetails;

/// <summary>An inline policy with its document, as IAM's PolicyDetail.</summary>
public sealed record InlinePolicyDetail(string PolicyName, string PolicyDocument);
