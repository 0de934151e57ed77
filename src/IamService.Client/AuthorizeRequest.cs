using System.Text;

namespace IamService.Client;

/// <summary>
/// May this principal perform this action on this resource? Name the principal by ARN or pass an end user's
/// access token (exactly one of the two).
/// </summary>
public sealed record AuthorizeRequest
{
    /// <summary>A user or role of IamService's account, or its root.</summary>
    public string? PrincipalArn { get; init; }

    /// <summary>An access token IamService issued; its session's facts (MFA, role, session policy) apply.</summary>
    public string? SubjectToken { get; init; }

    /// <summary>An action such as <c>s3:GetObject</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The resource's ARN, or <c>*</c>.</summary>
    public required string Resource { get; init; }

    /// <summary>Condition keys with their values, such as <c>aws:SourceIp</c>.</summary>
    public IReadOnlyDictionary<string, ContextValue>? Context { get; init; }

    /// <summary>The resource's own policy as JSON text, as a bucket policy would be.</summary>
    public string? ResourcePolicy { get; init; }

    /// <summary>The 12-digit account that owns the resource; IamService's account when omitted.</summary>
    public string? ResourceOwner { get; init; }

    public static AuthorizeRequest ForPrincipal(string principalArn, string action, string resource) =>
        new() { PrincipalArn = principalArn, Action = action, Resource = resource };

    public static AuthorizeRequest ForSubjectToken(string subjectToken, string action, string resource) =>
        new() { SubjectToken = subjectToken, Action = action, Resource = resource };

    // A record prints every property by default; an access token must never reach a log that way.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("PrincipalArn = ").Append(PrincipalArn)
            .Append(", SubjectToken = ").Append(SubjectToken is null ? "" : "(hidden)")
            .Append(", Action = ").Append(Action)
            .Append(", Resource = ").Append(Resource)
            .Append(", Context = ").Append(Context is null ? "" : string.Join(", ", Context.Keys))
            .Append(", ResourceOwner = ").Append(ResourceOwner);
        return true;
    }
}
