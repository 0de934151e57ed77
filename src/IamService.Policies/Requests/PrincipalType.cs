namespace IamService.Policies;

/// <summary>
/// The kind of caller making a request (IAM: the values of aws:PrincipalType, plus the callers that Service and
/// Federated principals name).
/// </summary>
public enum PrincipalType
{
    /// <summary>The account root user; aws:PrincipalType "Account".</summary>
    Root,

    User,

    /// <summary>A role session; its ARN is the assumed-role session ARN, the role is its session issuer.</summary>
    AssumedRole,

    /// <summary>A session from GetFederationToken.</summary>
    FederatedUser,

    /// <summary>A caller named by a Federated principal: a SAML or OIDC identity provider.</summary>
    WebIdentity,

    /// <summary>An AWS service principal such as <c>ec2.amazonaws.com</c>, given as the ARN.</summary>
    Service,

    Anonymous,
}
