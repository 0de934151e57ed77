namespace IamService.Policies;

/// <summary>The keys of a Principal map (IAM: "AWS JSON policy elements: Principal").</summary>
public enum PrincipalKind
{
    Aws,
    Service,
    Federated,
    CanonicalUser,
}
