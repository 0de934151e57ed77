namespace IamService.Api.Common;

/// <summary>One page of a list, and the marker of the next page when there is one.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, bool IsTruncated, string? Marker)
{
    public Page<TResult> Select<TResult>(Func<T, TResult> map) => new([.. Items.Select(map)], IsTruncated, Marker);
}
