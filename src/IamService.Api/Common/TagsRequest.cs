using IamService.Api.Guard;

namespace IamService.Api.Common;

/// <summary>Tags to add to an entity; a key it already has (regardless of case) gets the new value.</summary>
public sealed record TagsRequest : ITaggingRequest
{
    /// <summary>1 to 50 tags; the entity may hold 50 in all.</summary>
    public required IReadOnlyList<IamTag> Tags { get; init; }

    IReadOnlyList<IamTag>? ITaggingRequest.Tags => Tags;
}
