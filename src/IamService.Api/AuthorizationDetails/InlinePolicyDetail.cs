namespace IamService.Api.AuthorizationDetails;

/// <summary>An inline policy with its document, as IAM's PolicyDetail.</summary>
/// <param name="PolicyName" example="ReadOwnReports">The inline policy's name, unique within its holder.</param>
/// <param name="PolicyDocument">The document exactly as submitted.</param>
public sealed record InlinePolicyDetail(string PolicyName, string PolicyDocument);
