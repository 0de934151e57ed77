namespace IamService.Api.Common;

/// <summary>What every list response carries besides its items, under IAM's names.</summary>
public abstract record PagedResponse
{
    /// <summary>Whether more items follow; ask for them with <see cref="Marker"/>.</summary>
    public required bool IsTruncated { get; init; }

    /// <summary>Pass as <c>marker</c> to get the next page; absent on the last page.</summary>
    public string? Marker { get; init; }
}
