using System.Globalization;

namespace IamService.Api.Common;

/// <summary>
/// A validated request for one page of a list: how many items at most, and the normalized name the previous
/// page ended with (null for the first page).
/// </summary>
public sealed record PageRequest(int MaxItems, string? After)
{
    public const int DefaultMaxItems = 100;
    public const int MaxMaxItems = 1000;

    public static PageRequest First { get; } = new(DefaultMaxItems, null);

    /// <summary>Reads <c>maxItems</c> and <c>marker</c>, and checks the <c>pathPrefix</c> filter of a list.</summary>
    public static Result<PageRequest> Create(int? maxItems, string? marker, string? pathPrefix)
    {
        var page = Create(maxItems, marker);
        if (page.IsSuccess && pathPrefix is not null && InputRules.CheckPathPrefix(pathPrefix) is { } invalid)
        {
            return invalid;
        }

        return page;
    }

    /// <summary>Reads the <c>maxItems</c> and <c>marker</c> query parameters of a list request.</summary>
    public static Result<PageRequest> Create(int? maxItems, string? marker)
    {
        var size = maxItems ?? DefaultMaxItems;
        if (size is < 1 or > MaxMaxItems)
        {
            var bound = size < 1 ? "greater than or equal to 1" : $"less than or equal to {MaxMaxItems}";
            return IamError.Validation(string.Create(CultureInfo.InvariantCulture,
                $"Value '{size}' at 'maxItems' failed to satisfy constraint: Member must have value {bound}"));
        }

        if (marker is null)
        {
            return new PageRequest(size, null);
        }

        return PageMarker.TryDecode(marker, out var after)
            ? new PageRequest(size, after)
            : IamError.InvalidInput(
                "The marker is not one this service issued. Pass the marker of the previous page unchanged, or " +
                "omit it.");
    }
}
