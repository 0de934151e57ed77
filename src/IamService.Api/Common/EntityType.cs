namespace IamService.Api.Common;

/// <summary>IAM's EntityType: the kinds a listing that spans the account can be filtered to.</summary>
public enum EntityType
{
    User,
    Role,
    Group,
    LocalManagedPolicy,

    // Limitation: there are no AWS managed policies here (only the account's own), so this matches nothing.
    /// <summary>Accepted as IAM accepts it; this service holds no AWS managed policies, so it matches
    /// nothing.</summary>
    AWSManagedPolicy,
}
