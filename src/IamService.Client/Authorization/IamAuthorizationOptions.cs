using Microsoft.AspNetCore.Http;

namespace IamService.Client.Authorization;

/// <summary>How an <c>iam:</c> policy builds its question to IamService from the incoming request.</summary>
public sealed class IamAuthorizationOptions
{
    /// <summary>Policy names that start with this ask IamService for the action after it.</summary>
    public const string PolicyPrefix = "iam:";

    /// <summary>
    /// When null (the default) the incoming request's bearer token, an IamService access token, is sent as
    /// <c>subjectToken</c>; when set, the signed-in user's claim of this type is sent as <c>principalArn</c>
    /// (IamService's tokens carry it as <c>arn</c>).
    /// </summary>
    public string? PrincipalArnClaimType { get; set; }

    /// <summary>The resource to ask about, from the request and the action; <c>*</c> unless set, for instance
    /// from route values.</summary>
    public Func<HttpContext, string, string> ResourceResolver { get; set; } = (_, _) => "*";

    /// <summary>Condition keys to send with the request, such as <c>aws:SourceIp</c>; none unless set.</summary>
    public Func<HttpContext, IReadOnlyDictionary<string, ContextValue>?>? ContextResolver { get; set; }
}
