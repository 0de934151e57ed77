namespace IamService.Api.Common;

/// <summary>All of an entity's tags (at most 50), ordered by key.</summary>
public sealed record TagListResponse(IReadOnlyList<IamTag> Tags);
