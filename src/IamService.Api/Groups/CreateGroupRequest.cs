using IamService.Api.Common;
using IamService.Api.Guard;

namespace IamService.Api.Groups;

public sealed record CreateGroupRequest : INewEntityRequest, ITaggingRequest
{
    /// <summary>1 to 128 ASCII letters, digits and <c>_ + = , . @ -</c>; unique in the account regardless of
    /// case.</summary>
    /// <example>Developers</example>
    public required string GroupName { get; init; }

    /// <summary><c>/</c> (the default) or <c>/</c>-delimited segments of printable ASCII, such as
    /// <c>/division/</c>.</summary>
    /// <example>/division/</example>
    public string? Path { get; init; }

    /// <summary>Up to 50 tags; keys are unique regardless of case.</summary>
    public IReadOnlyList<IamTag>? Tags { get; init; }

    string INewEntityRequest.NewEntityName => GroupName;

    string? INewEntityRequest.NewEntityPath => Path;
}
