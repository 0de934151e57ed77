namespace IamService.Client;

/// <summary>The decisions IamService answers with, as <see cref="AuthorizeResponse.Decision"/> spells them.</summary>
public static class IamDecision
{
    public const string Allowed = "allowed";

    /// <summary>A statement denies the request; no allow can override it.</summary>
    public const string ExplicitDeny = "explicitDeny";

    /// <summary>No statement allows the request: denied by default.</summary>
    public const string ImplicitDeny = "implicitDeny";
}
