using IamService.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Common;

/// <summary>
/// Lists ordered by normalized name, paged by keyset: a page is "the next N names after the marker's name",
/// an index range scan that neither skips nor repeats items that exist throughout, whatever is added or
/// removed between pages.
/// </summary>
public static class KeysetPaging
{
    public static async Task<Page<T>> ToPageAsync<T>(
        this IQueryable<T> source,
        PageRequest request,
        CancellationToken cancellationToken)
        where T : class, INamed
    {
        ArgumentNullException.ThrowIfNull(request);

        var after = request.After;
        if (after is not null)
        {
#pragma warning disable CA1307, CA1309, CA1310 // Translated to SQL ">" under the column's byte-order collation.
            source = source.Where(e => string.Compare(e.NormalizedName, after) > 0);
#pragma warning restore CA1307, CA1309, CA1310
        }

        // One extra row tells whether another page follows without a second query.
        var rows = await source.OrderBy(e => e.NormalizedName).Take(request.MaxItems + 1)
            .ToListAsync(cancellationToken);
        if (rows.Count <= request.MaxItems)
        {
            return new Page<T>(rows, IsTruncated: false, Marker: null);
        }

        rows.RemoveAt(rows.Count - 1);
        return new Page<T>(rows, IsTruncated: true, PageMarker.Encode(rows[^1].NormalizedName));
    }

    /// <summary>
    /// Keeps the entities whose path starts with the prefix, compared case-sensitively as IAM does (a LIKE
    /// would ignore case on SQLite). The test is a range, from the prefix up to the prefix with its last
    /// character raised by one, which the path index serves: paths compare byte by byte on both providers.
    /// </summary>
    public static IQueryable<T> WithPathPrefix<T>(this IQueryable<T> source, string? pathPrefix)
        where T : IamEntity
    {
        if (pathPrefix is null or "/")
        {
            return source;
        }

        // A prefix is printable ASCII (0x21 to 0x7E), so its raised last character is still one byte.
        var end = pathPrefix[..^1] + (char)(pathPrefix[^1] + 1);
#pragma warning disable CA1307, CA1309, CA1310 // Translated to SQL ">=" and "<" under the byte-order collation.
        return source.Where(e => string.Compare(e.Path, pathPrefix) >= 0 && string.Compare(e.Path, end) < 0);
#pragma warning restore CA1307, CA1309, CA1310
    }
}
