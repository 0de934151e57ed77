namespace IamService.Policies;

/// <summary>
/// The stable catalogue of validation findings. Names are never renumbered or reused; callers may show them.
/// </summary>
public enum PolicyProblemCode
{
    // Errors: the document is rejected.
    MalformedJson,
    WrongType,
    UnknownElement,
    DuplicateKey,
    MissingElement,
    EmptyValue,
    InvalidVersion,
    InvalidEffect,
    ActionAndNotAction,
    ResourceAndNotResource,
    PrincipalAndNotPrincipal,
    InvalidAction,
    InvalidResource,
    InvalidPrincipal,
    PrincipalNotAllowed,
    PrincipalRequired,
    ResourceNotAllowed,
    TrustPolicyActionNotSts,
    UnknownConditionOperator,
    InvalidConditionValue,
    InvalidConditionKey,
    InvalidPolicyVariable,
    DuplicateSid,
    PolicyTooLarge,

    // Warnings: the document is accepted.
    AllowWithNotAction,
    AllowWithNotResource,
    AllowsAllActionsOnAllResources,
    PassRoleOnAnyResource,
    VariablesInLegacyVersion,
    IfExistsOnNull,
}
