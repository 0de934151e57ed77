using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace IamService.Policies;

/// <summary>
/// The caller of a request. Build it once per caller and reuse it: its tags are indexed here so that
/// <c>aws:PrincipalTag/KEY</c> conditions and variables look them up without allocating.
/// </summary>
public sealed class RequestPrincipal
{
    private readonly FrozenDictionary<string, ContextEntry> _tagEntries;
    private KeyValuePair<string, ContextEntry>[]? _keyEntries;

    /// <param name="arn">The caller's ARN: the user, the assumed-role session, the root user, the service name.</param>
    /// <param name="id">The caller's unique id; for a role session IAM writes <c>ROLEID:SESSIONNAME</c>.</param>
    /// <param name="type">What kind of caller this is.</param>
    /// <param name="accountId">The 12-digit account the caller belongs to.</param>
    /// <param name="tags">The principal's tags; keys compare without case.</param>
    /// <param name="sessionIssuerArn">For a role session, the ARN of the role behind it.</param>
    public RequestPrincipal(
        string arn,
        string id,
        PrincipalType type,
        string accountId,
        IEnumerable<KeyValuePair<string, string>>? tags = null,
        string? sessionIssuerArn = null)
    {
        ArgumentNullException.ThrowIfNull(arn);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(accountId);

        Arn = arn;
        Id = id;
        Type = type;
        AccountId = accountId;
        SessionIssuerArn = sessionIssuerArn;
        Tags = (tags ?? []).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _tagEntries = Tags.ToFrozenDictionary(
            tag => tag.Key,
            tag => new ContextEntry(ContextKeyType.String, [ContextValue.FromText(tag.Value)]),
            StringComparer.OrdinalIgnoreCase);
    }

    public string Arn { get; }

    public string Id { get; }

    public PrincipalType Type { get; }

    public string AccountId { get; }

    public string? SessionIssuerArn { get; }

    public IReadOnlyDictionary<string, string> Tags { get; }

    /// <summary>The IAM user name: the last path segment of a user ARN; null for other callers.</summary>
    public string? UserName
    {
        get
        {
            if (Type != PrincipalType.User)
            {
                return null;
            }

            var slash = Arn.LastIndexOf('/');
            return slash < 0 ? null : Arn[(slash + 1)..];
        }
    }

    /// <summary>
    /// The standard keys IAM derives from the caller, built on first use and shared by every decision about it:
    /// aws:PrincipalArn (the role for a role session), aws:PrincipalAccount, aws:PrincipalType, aws:userid, and
    /// aws:username for IAM users.
    /// </summary>
    internal KeyValuePair<string, ContextEntry>[] KeyEntries => _keyEntries ??= BuildKeyEntries();

    internal bool TryGetTagEntry(string key, [NotNullWhen(true)] out ContextEntry? entry) =>
        _tagEntries.TryGetValue(key, out entry);

    private KeyValuePair<string, ContextEntry>[] BuildKeyEntries()
    {
        var principalArn = Type == PrincipalType.AssumedRole ? SessionIssuerArn ?? Arn : Arn;
        var type = Type == PrincipalType.Root ? "Account" : Type.ToString();
        List<KeyValuePair<string, ContextEntry>> keys =
        [
            new("aws:PrincipalArn", ContextEntry.Text(principalArn)),
            new("aws:PrincipalAccount", ContextEntry.Text(AccountId)),
            new("aws:PrincipalType", ContextEntry.Text(type)),
            new("aws:userid", ContextEntry.Text(Id)),
        ];
        if (UserName is { } userName)
        {
            keys.Add(new("aws:username", ContextEntry.Text(userName)));
        }

        return [.. keys];
    }
}
