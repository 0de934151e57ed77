using IamService.Api.Common;
using IamService.Api.Guard;

namespace IamService.Api.Users;

public sealed record CreateUserRequest : INewEntityRequest, ITaggingRequest
{
    /// <summary>1 to 64 ASCII letters, digits and <c>_ + = , . @ -</c>; unique in the account regardless of
    /// case.</summary>
    /// <example>alice</example>
    public required string UserName { get; init; }

    /// <summary><c>/</c> (the default) or <c>/</c>-delimited segments of printable ASCII, such as
    /// <c>/division/</c>.</summary>
    /// <example>/division/</example>
    public string? Path { get; init; }

    /// <summary>The ARN of a managed policy of this account that caps the user's permissions.</summary>
    /// <example>arn:aws:iam::123456789012:policy/DivisionBoundary</example>
    public string? PermissionsBoundary { get; init; }

    /// <summary>Up to 50 tags; keys are unique regardless of case.</summary>
    public IReadOnlyList<IamTag>? Tags { get; init; }

    string INewEntityRequest.NewEntityName => UserName;

    string? INewEntityRequest.NewEntityPath => Path;
}
