namespace IamService.Data.Common;

/// <summary>
/// What users, groups, roles and managed policies share: an IAM-style id, a friendly name that is unique in
/// the account regardless of case, a path and a creation date.
/// </summary>
public abstract class IamEntity : INamed
{
    /// <summary>The longest path IAM accepts, <c>/</c> included.</summary>
    public const int MaxPathLength = 512;

    /// <summary>
    /// The length of an IAM-style id: a four-letter prefix such as <c>AIDA</c> and 17 base32 characters.
    /// </summary>
    public const int IdLength = 21;

    protected IamEntity(string id, string name, string path, DateTimeOffset createDate)
    {
        Id = id;
        Name = name;
        NormalizedName = NormalizeName(name);
        Path = path;
        CreateDate = createDate;
    }

    /// <summary>
    /// The stable unique id (<c>AIDA...</c>, <c>AGPA...</c>, <c>AROA...</c>, <c>ANPA...</c>); it survives renames.
    /// </summary>
    public string Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The upper-cased name that the unique index and keyset paging use.</summary>
    public string NormalizedName { get; private set; }

    public string Path { get; set; }

    public DateTimeOffset CreateDate { get; private set; }

    public void Rename(string name)
    {
        Name = name;
        NormalizedName = NormalizeName(name);
    }

    /// <summary>
    /// IAM names are unique regardless of case ("Alice" and "alice" are the same user); the stored form is
    /// upper case so that both providers compare it byte by byte.
    /// </summary>
    public static string NormalizeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToUpperInvariant();
    }
}
