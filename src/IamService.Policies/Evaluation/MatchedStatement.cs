namespace IamService.Policies;

/// <summary>A statement that applied to the request: which policy, where it sat, which statement.</summary>
public sealed record MatchedStatement(
    PolicySource Source,
    PolicySlot Slot,
    int StatementIndex,
    string? Sid,
    PolicyEffect Effect);
