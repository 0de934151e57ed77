namespace IamService.Api.PolicyCache;

/// <summary>
/// The names of what a change can touch, as the database's change notifications spell them: a cached entry
/// lists the names it was built from, and a notification naming any of them drops it.
/// </summary>
public static class PolicyChange
{
    /// <summary>The PostgreSQL channel that the change triggers notify.</summary>
    public const string Channel = "iam_policy_changes";

    /// <summary>The prefix of the notifications an instance sends itself to know it has caught up.</summary>
    public const string BarrierPrefix = "barrier:";

    public static string User(string userId) => "user:" + userId;

    public static string Group(string groupId) => "group:" + groupId;

    public static string Role(string roleId) => "role:" + roleId;

    public static string Policy(string policyId) => "policy:" + policyId;

    public static string Session(string sessionId) => "session:" + sessionId;
}
