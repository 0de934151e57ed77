namespace IamService.Api.Guard;

/// <summary>How the guard finds the ARN of the resource an endpoint acts on.</summary>
public enum IamResource
{
    /// <summary><c>*</c>: for actions without resource-level permissions, such as iam:SimulateCustomPolicy.</summary>
    Any,

    /// <summary>The endpoint decides itself (it checks its action with DecisionService), after sign-in.</summary>
    DecidedByEndpoint,

    /// <summary>The caller's own ARN (change-password, root's own MFA device).</summary>
    Caller,

    /// <summary>The user named by the <c>userName</c> route value, with its stored path.</summary>
    User,

    /// <summary>The user a create request would make, from the body's name and path.</summary>
    NewUser,

    /// <summary><c>arn:aws:iam::ACCOUNT:user</c> and the <c>pathPrefix</c> query value, <c>/</c> when none.</summary>
    Users,

    Group,
    NewGroup,
    Groups,
    Role,
    NewRole,
    Roles,

    /// <summary>The managed policy named by the <c>policyName</c> route value: its name or its escaped ARN.</summary>
    Policy,
    NewPolicy,
    Policies,

    /// <summary>The user, group or role named by the <c>name</c> route value of a policies controller.</summary>
    Holder,

    /// <summary>A virtual MFA device, <c>arn:aws:iam::ACCOUNT:mfa/NAME</c>, from the create request's name.</summary>
    NewMfaDevice,

    /// <summary>The user, group or role named by the simulator request's <c>policySourceArn</c>.</summary>
    PolicySource,

    /// <summary>The user who owns the access key named by the <c>accessKeyId</c> route value.</summary>
    AccessKeyOwner,
}
