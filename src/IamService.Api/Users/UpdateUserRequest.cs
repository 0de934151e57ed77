namespace IamService.Api.Users;

/// <summary>A rename, a move to another path, or both; what is omitted stays as it is.</summary>
public sealed record UpdateUserRequest
{
    /// <summary>The new name; the user keeps its id, its groups, its policies and its tags.</summary>
    /// <example>alice.smith</example>
    public string? NewUserName { get; init; }

    /// <example>/engineering/</example>
    public string? NewPath { get; init; }
}
