namespace IamService.Data.Common;

/// <summary>
/// A key and value attached to a user, group, role or managed policy. IAM treats keys as case-insensitive
/// for uniqueness but keeps their case: tagging <c>department</c> replaces an existing <c>Department</c>.
/// </summary>
public abstract class EntityTag
{
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;

    protected EntityTag(string key, string value)
    {
        Key = key;
        NormalizedKey = IamEntity.NormalizeName(key);
        Value = value;
    }

    public string Key { get; private set; }

    public string NormalizedKey { get; private set; }

    public string Value { get; private set; }

    /// <summary>Replaces the value and the key's spelling; the key must be the same regardless of case.</summary>
    public void Overwrite(string key, string value)
    {
        if (!string.Equals(IamEntity.NormalizeName(key), NormalizedKey, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Tag key '{key}' is not the key of this tag.", nameof(key));
        }

        Key = key;
        Value = value;
    }
}
