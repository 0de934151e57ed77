using IamService.Api.Common;
using IamService.Data.Groups;

namespace IamService.Api.Groups;

/// <summary>A group as IAM describes it. Lists leave out the tags.</summary>
public sealed record GroupResponse
{
    /// <example>Developers</example>
    public required string GroupName { get; init; }

    /// <example>AGPAJQABLZS4A3QDU576Q</example>
    public required string GroupId { get; init; }

    /// <example>arn:aws:iam::123456789012:group/division/Developers</example>
    public required string Arn { get; init; }

    /// <example>/division/</example>
    public required string Path { get; init; }

    public required DateTimeOffset CreateDate { get; init; }

    public IReadOnlyList<IamTag>? Tags { get; init; }

    public static GroupResponse Summary(Group group, string accountId) => new()
    {
        GroupName = group.Name,
        GroupId = group.Id,
        Arn = IamArn.Format(accountId, EntityKind.Group, group.Path, group.Name),
        Path = group.Path,
        CreateDate = group.CreateDate,
    };

    /// <summary>Everything, for a group loaded with its tags.</summary>
    public static GroupResponse Full(Group group, string accountId) =>
        Summary(group, accountId) with { Tags = TagMerge.ToResponse(group.Tags) };
}
