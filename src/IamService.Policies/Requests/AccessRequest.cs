namespace IamService.Policies;

/// <summary>
/// One authorization question: may this principal perform this action on this resource, given this context.
/// A small value type; the principal and context it points to are built once and shared.
/// </summary>
public readonly struct AccessRequest : IEquatable<AccessRequest>
{
    private readonly int _separator;

    /// <param name="principal">The caller.</param>
    /// <param name="action">The action, <c>service:Action</c>, such as <c>s3:GetObject</c>.</param>
    /// <param name="resource">The resource ARN, or <c>*</c> for actions without resource-level permissions.</param>
    /// <param name="context">The request context; null means no keys.</param>
    public AccessRequest(RequestPrincipal principal, string action, string resource, RequestContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(resource);

        Principal = principal;
        Action = action;
        Resource = resource;
        Context = context ?? RequestContext.Empty;
        _separator = action.IndexOf(':', StringComparison.Ordinal);
    }

    public RequestPrincipal Principal { get; }

    public string Action { get; }

    public string Resource { get; }

    public RequestContext Context { get; }

    /// <summary>The service prefix of the action; empty when the action has no colon.</summary>
    internal ReadOnlySpan<char> ActionService => _separator < 0 ? [] : Action.AsSpan(0, _separator);

    internal ReadOnlySpan<char> ActionName => Action.AsSpan(_separator + 1);

    internal bool IsInitialized => Principal is not null;

    public static bool operator ==(AccessRequest left, AccessRequest right) => left.Equals(right);

    public static bool operator !=(AccessRequest left, AccessRequest right) => !left.Equals(right);

    public bool Equals(AccessRequest other) =>
        ReferenceEquals(Principal, other.Principal) && Action == other.Action && Resource == other.Resource
        && ReferenceEquals(Context, other.Context);

    public override bool Equals(object? obj) => obj is AccessRequest other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Principal, Action, Resource, Context);
}
