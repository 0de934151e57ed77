using IamService.Api.Common;
using IamService.Data.Users;

namespace IamService.Api.Users;

/// <summary>A user as IAM describes it. Lists leave out the tags and the permissions boundary.</summary>
public sealed record UserResponse
{
    /// <example>alice</example>
    public required string UserName { get; init; }

    /// <example>AIDAJQABLZS4A3QDU576Q</example>
    public required string UserId { get; init; }

    /// <example>arn:aws:iam::123456789012:user/division/alice</example>
    public required string Arn { get; init; }

    /// <example>/division/</example>
    public required string Path { get; init; }

    public required DateTimeOffset CreateDate { get; init; }

    public PermissionsBoundaryResponse? PermissionsBoundary { get; init; }

    public IReadOnlyList<IamTag>? Tags { get; init; }

    public static UserResponse Summary(User user, string accountId) => new()
    {
        UserName = user.Name,
        UserId = user.Id,
        Arn = IamArn.Format(accountId, EntityKind.User, user.Path, user.Name),
        Path = user.Path,
        CreateDate = user.CreateDate,
    };

    /// <summary>Everything, for a user loaded with its tags and boundary.</summary>
    public static UserResponse Full(User user, string accountId) => Summary(user, accountId) with
    {
        PermissionsBoundary = PermissionsBoundaryResponse.For(user.PermissionsBoundary, accountId),
        Tags = TagMerge.ToResponse(user.Tags),
    };
}
