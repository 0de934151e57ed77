namespace IamService.Api.Common;

/// <summary>
/// What still hangs on an entity that is to be deleted (memberships, attached and inline policies, later
/// credentials). IAM refuses such a delete with DeleteConflict; the problem lists what is left, both in its
/// detail and, by kind, in its <c>remaining</c> member.
/// </summary>
public sealed class DeleteBlockers
{
    private readonly List<(string Member, string Description, IReadOnlyList<string> Names)> _kinds = [];

    public bool IsEmpty => _kinds.All(k => k.Names.Count == 0);

    /// <param name="member">The camelCase name in <c>remaining</c>, such as <c>groups</c>.</param>
    /// <param name="description">The plural noun in the detail, such as <c>group memberships</c>.</param>
    /// <param name="names">The names of what is left, in a stable order.</param>
    public DeleteBlockers Add(string member, string description, IReadOnlyList<string> names)
    {
        _kinds.Add((member, description, names));
        return this;
    }

    public IamError ToConflict(EntityKind kind, string name)
    {
        ArgumentNullException.ThrowIfNull(kind);

        var left = _kinds.Where(k => k.Names.Count > 0).ToList();
        var listed = string.Join("; ", left.Select(k => $"{k.Description}: {string.Join(", ", k.Names)}"));
        var remaining = left.ToDictionary(k => k.Member, k => (object?)k.Names, StringComparer.Ordinal);
        return IamError.DeleteConflict(
            $"Cannot delete {kind.ResourceType} {name} while it has {listed}. Remove them first, or repeat the " +
            $"request with force=true to remove them together with the {kind.ResourceType}.",
            remaining);
    }
}
