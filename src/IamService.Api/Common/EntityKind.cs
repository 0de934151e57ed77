namespace IamService.Api.Common;

/// <summary>
/// The kinds of named entity an account holds, with what differs between them: the id prefix, the ARN's
/// resource type, the longest name and the request field that carries the name.
/// </summary>
public sealed class EntityKind
{
    // Prefixes: IAM's "Unique identifiers" table (AIDA users, AGPA groups, AROA roles, ANPA managed policies).
    public static readonly EntityKind User = new("user", "User", "AIDA", Data.Users.User.MaxNameLength, "userName");
    public static readonly EntityKind Group = new("group", "Group", "AGPA", Data.Groups.Group.MaxNameLength,
        "groupName");
    public static readonly EntityKind Role = new("role", "Role", "AROA", Data.Roles.Role.MaxNameLength, "roleName");
    public static readonly EntityKind Policy = new("policy", "Policy", "ANPA",
        Data.Policies.ManagedPolicy.MaxNameLength, "policyName");

    private EntityKind(string resourceType, string title, string idPrefix, int maxNameLength, string nameField)
    {
        ResourceType = resourceType;
        Title = title;
        IdPrefix = idPrefix;
        MaxNameLength = maxNameLength;
        NameField = nameField;
    }

    public static IReadOnlyList<EntityKind> All { get; } = [User, Group, Role, Policy];

    /// <summary>The ARN's resource type (<c>user</c> in <c>arn:aws:iam::123456789012:user/alice</c>), also the noun in
    /// messages.</summary>
    public string ResourceType { get; }

    /// <summary>The noun at the start of a sentence.</summary>
    public string Title { get; }

    public string IdPrefix { get; }

    public int MaxNameLength { get; }

    /// <summary>The camelCase request member that names an entity of this kind, as IAM's messages cite it.</summary>
    public string NameField { get; }

    public override string ToString() => ResourceType;
}
