using IamService.Api.Common;

namespace IamService.Api.Guard;

/// <summary>A request body that creates a named entity: the guard checks the create on the new entity's ARN.</summary>
public interface INewEntityRequest
{
    string NewEntityName { get; }

    /// <summary>The new entity's path; <c>/</c> when null.</summary>
    string? NewEntityPath { get; }
}

/// <summary>A request body that sends tags: they fill <c>aws:RequestTag/KEY</c> and <c>aws:TagKeys</c>.</summary>
public interface ITaggingRequest
{
    IReadOnlyList<IamTag>? Tags { get; }
}
