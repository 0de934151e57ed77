using IamService.Data.Common;

namespace IamService.Api.Common;

/// <summary>
/// Pages a list made of several sections, such as users, then groups, then roles, each ordered by name. The
/// marker is the section number and the normalized name of the last item given, so a page resumes in the
/// right section after the right name, and each section costs at most one keyset query per page.
/// </summary>
public sealed class SectionedPager
{
    private readonly int _startSection;
    private readonly string? _after;
    private int _remaining;
    private (int Section, string NormalizedName)? _last;

    private SectionedPager(int maxItems, int startSection, string? after)
    {
        _remaining = maxItems;
        _startSection = startSection;
        _after = after;
    }

    public bool IsTruncated { get; private set; }

    /// <summary>The marker of the next page; null on the last page.</summary>
    public string? Marker => IsTruncated && _last is { } last
        ? PageMarker.Encode(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{last.Section}:{last.NormalizedName}"))
        : null;

    /// <summary>Reads <c>maxItems</c> and a marker this pager issued.</summary>
    public static Result<SectionedPager> Create(int? maxItems, string? marker)
    {
        var page = PageRequest.Create(maxItems, marker);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        if (page.Value.After is not { } after)
        {
            return new SectionedPager(page.Value.MaxItems, 0, null);
        }

        var colon = after.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !int.TryParse(after.AsSpan(0, colon), out var section) || section < 0)
        {
            return IamError.InvalidInput(
                "The marker is not one this service issued. Pass the marker of the previous page unchanged, or " +
                "omit it.");
        }

        return new SectionedPager(page.Value.MaxItems, section, after[(colon + 1)..]);
    }

    /// <summary>
    /// The items of one section that belong to this page. Call it for the sections in increasing order;
    /// sections before the marker's, and sections after the page is full, are not queried.
    /// </summary>
    public async Task<IReadOnlyList<T>> ReadAsync<T>(
        int section,
        IQueryable<T> source,
        CancellationToken cancellationToken)
        where T : class, INamed
    {
        if (IsTruncated || section < _startSection)
        {
            return [];
        }

        var after = section == _startSection ? _after : null;
        // A full page still asks the next section for one item, to learn whether another page follows.
        var page = await source.ToPageAsync(new PageRequest(Math.Max(_remaining, 1), after), cancellationToken);
        if (_remaining == 0)
        {
            IsTruncated = page.Items.Count > 0;
            return [];
        }

        _remaining -= page.Items.Count;
        IsTruncated = page.IsTruncated;
        if (page.Items.Count > 0)
        {
            _last = (section, page.Items[^1].NormalizedName);
        }

        return page.Items;
    }
}
