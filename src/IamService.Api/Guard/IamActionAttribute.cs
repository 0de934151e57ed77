namespace IamService.Api.Guard;

/// <summary>
/// The IAM action an endpoint performs and the resource it acts on: before the endpoint runs, the guard asks the
/// policy engine whether the caller's policies allow that action on that resource.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class IamActionAttribute(string action) : Attribute
{
    /// <summary>The placeholder in <see cref="Action"/> that becomes the holder's kind (User, Group, Role).</summary>
    public const string KindPlaceholder = "{Kind}";

    /// <summary>
    /// IAM's own action name, such as <c>iam:CreateUser</c>; <c>{Kind}</c> is replaced with the kind that the
    /// controller's <see cref="IamHolderKindAttribute"/> names, as in <c>iam:Attach{Kind}Policy</c>.
    /// </summary>
    public string Action { get; } = action;

    public IamResource Resource { get; set; } = IamResource.Any;

    /// <summary>The action checked instead when the user named in the route has no login profile yet.</summary>
    public string? CreateLoginProfileAction { get; set; }

    /// <summary>Whether a user who must first enrol an MFA device may still call this on their own user.</summary>
    public CredentialSetupStep SetupStep { get; set; }
}

/// <summary>The kind of entity a generic policies controller serves, for the <c>{Kind}</c> of its actions.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class IamHolderKindAttribute(string kind) : Attribute
{
    /// <summary>The kind's title as IAM's action names spell it: <c>User</c>, <c>Group</c> or <c>Role</c>.</summary>
    public string Kind { get; } = kind;
}

/// <summary>
/// An endpoint that any signed-in caller may use on their own session whatever their policies, such as
/// sign-out. It maps to no IAM action because IAM has none for it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class AnyCallerAttribute : Attribute;

/// <summary>The steps a user who must first enrol an MFA device may still take, on their own user only.</summary>
public enum CredentialSetupStep
{
    /// <summary>Not a set-up step: such a user is refused.</summary>
    None,

    /// <summary>Creating or enabling the caller's own MFA device.</summary>
    EnrolMfa,

    ChangePassword,
}
