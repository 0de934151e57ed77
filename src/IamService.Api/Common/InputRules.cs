using System.Globalization;
using System.Text.RegularExpressions;
using IamService.Data.Common;

namespace IamService.Api.Common;

/// <summary>
/// IAM's rules for names, paths and tags (IAM API reference, the Length Constraints and Pattern of each
/// parameter), with IAM's wording for a broken rule. Each check returns null when the value is acceptable.
/// </summary>
public static partial class InputRules
{
    /// <summary>IAM's fixed quota of tags per user, group, role or policy.</summary>
    public const int MaxTagsPerEntity = 50;

    public const string NamePattern = @"[\w+=,.@-]+";
    public const string PathPattern = @"(\u002F)|(\u002F[\u0021-\u007E]+\u002F)";
    public const string PathPrefixPattern = @"\u002F[\u0021-\u007E]*";
    public const string TagKeyPattern = @"[\p{L}\p{Z}\p{N}_.:/=+\-@]+";
    public const string TagValuePattern = @"[\p{L}\p{Z}\p{N}_.:/=+\-@]*";

    /// <summary>Keys in this prefix are AWS's own (IAM: "aws:" is reserved), whatever their case.</summary>
    private const string ReservedTagKeyPrefix = "aws:";

    public static IamError? CheckName(EntityKind kind, string? name, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return CheckName(name, field ?? kind.NameField, kind.MaxNameLength);
    }

    /// <summary>A friendly name: 1 to max ASCII letters, digits and <c>_ + = , . @ -</c>.</summary>
    public static IamError? CheckName(string? name, string field, int maxLength) =>
        CheckLength(name, field, 1, maxLength)
        ?? (NameRegex().IsMatch(name!) ? null : PatternError(name!, field, NamePattern));

    /// <summary>A path: <c>/</c>, or <c>/</c> + printable ASCII (0x21 to 0x7E) + <c>/</c>, up to 512
    /// characters.</summary>
    public static IamError? CheckPath(string? path, string field = "path") =>
        CheckLength(path, field, 1, IamEntity.MaxPathLength)
        ?? (PathRegex().IsMatch(path!) ? null : PatternError(path!, field, PathPattern));

    /// <summary>A path prefix filter: <c>/</c> followed by printable ASCII; it need not end in <c>/</c>.</summary>
    public static IamError? CheckPathPrefix(string? prefix, string field = "pathPrefix") =>
        CheckLength(prefix, field, 1, IamEntity.MaxPathLength)
        ?? (PathPrefixRegex().IsMatch(prefix!) ? null : PatternError(prefix!, field, PathPrefixPattern));

    /// <summary>
    /// The tags of one request: at most 50, keys and values of the allowed characters and lengths, no key
    /// twice regardless of case, none in the reserved <c>aws:</c> prefix.
    /// </summary>
    public static IamError? CheckTags(IReadOnlyList<IamTag>? tags, string field = "tags")
    {
        if (tags is null)
        {
            return null;
        }

        if (tags.Count > MaxTagsPerEntity)
        {
            return IamError.Validation(string.Create(CultureInfo.InvariantCulture,
                $"Value at '{field}' failed to satisfy constraint: " +
                $"Member must have length less than or equal to {MaxTagsPerEntity}"));
        }

        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            var error = tag is null
                ? IamError.Validation(
                    $"Value at '{field}.{i + 1}' failed to satisfy constraint: Member must not be null")
                : CheckTagKey(tag.Key, $"{field}.{i + 1}.member.key")
                    ?? CheckLength(tag.Value, $"{field}.{i + 1}.member.value", 0, EntityTag.MaxValueLength)
                    ?? (TagValueRegex().IsMatch(tag.Value)
                        ? null
                        : PatternError(tag.Value, $"{field}.{i + 1}.member.value", TagValuePattern));
            if (error is not null)
            {
                return error;
            }
        }

        return CheckDistinctKeys(tags.Select(t => t.Key));
    }

    /// <summary>The keys of an untag request: at most 50 valid keys.</summary>
    public static IamError? CheckTagKeys(IReadOnlyList<string>? keys, string field = "tagKeys")
    {
        if (keys is null || keys.Count == 0)
        {
            return IamError.Validation(
                $"Value at '{field}' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }

        if (keys.Count > MaxTagsPerEntity)
        {
            return IamError.Validation(string.Create(CultureInfo.InvariantCulture,
                $"Value at '{field}' failed to satisfy constraint: " +
                $"Member must have length less than or equal to {MaxTagsPerEntity}"));
        }

        for (var i = 0; i < keys.Count; i++)
        {
            if (CheckTagKey(keys[i], $"{field}.{i + 1}") is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static IamError? CheckTagKey(string? key, string field)
    {
        if ((CheckLength(key, field, 1, EntityTag.MaxKeyLength)
                ?? (TagKeyRegex().IsMatch(key!) ? null : PatternError(key!, field, TagKeyPattern))) is { } error)
        {
            return error;
        }

        return key!.StartsWith(ReservedTagKeyPrefix, StringComparison.OrdinalIgnoreCase)
            ? IamError.InvalidInput(
                $"Tag key '{key}' is not allowed: keys that start with 'aws:' are reserved for AWS.")
            : null;
    }

    private static IamError? CheckDistinctKeys(IEnumerable<string> keys)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!seen.Add(IamEntity.NormalizeName(key)))
            {
                return IamError.InvalidInput(
                    $"Duplicate tag key '{key}'. Tag keys are case-insensitive: give each key once.");
            }
        }

        return null;
    }

    private static IamError? CheckLength(string? value, string field, int min, int max)
    {
        if (value is null)
        {
            return IamError.Validation($"Value at '{field}' failed to satisfy constraint: Member must not be null");
        }

        if (value.Length < min)
        {
            return IamError.Validation(string.Create(CultureInfo.InvariantCulture,
                $"Value at '{field}' failed to satisfy constraint: " +
                $"Member must have length greater than or equal to {min}"));
        }

        return value.Length > max
            ? IamError.Validation(string.Create(CultureInfo.InvariantCulture,
                $"Value at '{field}' failed to satisfy constraint: " +
                $"Member must have length less than or equal to {max}"))
            : null;
    }

    private static IamError PatternError(string value, string field, string pattern) => IamError.Validation(
        $"Value '{value}' at '{field}' failed to satisfy constraint: " +
        $"Member must satisfy regular expression pattern: {pattern}");

    // IAM's \w means ASCII letters, digits and underscore; .NET's \w would also accept other scripts.
    [GeneratedRegex(@"\A[A-Za-z0-9_+=,.@-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex NameRegex();

    [GeneratedRegex(@"\A(/|/[\x21-\x7E]+/)\z", RegexOptions.CultureInvariant)]
    private static partial Regex PathRegex();

    [GeneratedRegex(@"\A/[\x21-\x7E]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex PathPrefixRegex();

    [GeneratedRegex(@"\A[\p{L}\p{Z}\p{N}_.:/=+\-@]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex TagKeyRegex();

    [GeneratedRegex(@"\A[\p{L}\p{Z}\p{N}_.:/=+\-@]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex TagValueRegex();
}
