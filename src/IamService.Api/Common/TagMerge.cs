using IamService.Data.Common;

namespace IamService.Api.Common;

/// <summary>How tagging changes an entity's tags, the same for every kind of entity.</summary>
public static class TagMerge
{
    /// <summary>
    /// Adds the tags, overwriting the value (and the key's spelling) of any key the entity already has
    /// regardless of case, as IAM's TagUser does. Fails without changing anything when the entity would end
    /// up with more than 50 tags. The tags must have passed <see cref="InputRules.CheckTags"/>.
    /// </summary>
    public static IamError? Apply<TTag>(List<TTag> existing, IReadOnlyList<IamTag> incoming, Func<IamTag, TTag> create)
        where TTag : EntityTag
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(create);

        var byKey = existing.ToDictionary(t => t.NormalizedKey, StringComparer.Ordinal);
        var added = incoming.Count(t => !byKey.ContainsKey(IamEntity.NormalizeName(t.Key)));
        if (existing.Count + added > InputRules.MaxTagsPerEntity)
        {
            return IamError.LimitExceeded("TagsPerEntity", InputRules.MaxTagsPerEntity);
        }

        foreach (var tag in incoming)
        {
            if (byKey.TryGetValue(IamEntity.NormalizeName(tag.Key), out var current))
            {
                current.Overwrite(tag.Key, tag.Value);
            }
            else
            {
                existing.Add(create(tag));
            }
        }

        return null;
    }

    /// <summary>Removes the tags with these keys regardless of case; keys the entity does not have are ignored, as in
    /// IAM.</summary>
    public static void Remove<TTag>(List<TTag> existing, IReadOnlyList<string> keys)
        where TTag : EntityTag
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(keys);

        var doomed = keys.Select(IamEntity.NormalizeName).ToHashSet(StringComparer.Ordinal);
        existing.RemoveAll(t => doomed.Contains(t.NormalizedKey));
    }

    /// <summary>The tags in the order responses list them: by key, byte by byte.</summary>
    public static List<IamTag> ToResponse(IEnumerable<EntityTag> tags) =>
        [.. tags.OrderBy(t => t.NormalizedKey, StringComparer.Ordinal).Select(t => new IamTag(t.Key, t.Value))];
}
