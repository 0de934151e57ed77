using System.Diagnostics.CodeAnalysis;

namespace IamService.Api.Common;

/// <summary>
/// The ARN of a user, group, role or managed policy: <c>arn:aws:iam::ACCOUNT:TYPE PATH NAME</c>, e.g.
/// <c>arn:aws:iam::123456789012:user/division/alice</c> for user alice with path <c>/division/</c>.
/// </summary>
public readonly record struct IamArn(string AccountId, EntityKind Kind, string Path, string Name)
{
    private const string Prefix = "arn:aws:iam::";
    private const int AccountIdLength = 12;

    public static string Format(string accountId, EntityKind kind, string path, string name)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return $"{Prefix}{accountId}:{kind.ResourceType}{path}{name}";
    }

    /// <summary>
    /// Reads an ARN this service issues. It checks the shape only (prefix, 12-digit account, known resource
    /// type, a path that starts and ends with <c>/</c>, a name without <c>/</c>); whether the entity exists,
    /// and whether the account is ours, is for the caller to decide.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out IamArn arn)
    {
        arn = default;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        if (colon != AccountIdLength || !rest[..colon].ContainsOnlyDigits())
        {
            return false;
        }

        var accountId = rest[..colon].ToString();
        var resource = rest[(colon + 1)..];
        var slash = resource.IndexOf('/');
        var lastSlash = resource.LastIndexOf('/');
        if (slash < 0 || lastSlash == resource.Length - 1)
        {
            return false;
        }

        var type = resource[..slash].ToString();
        var kind = EntityKind.All.FirstOrDefault(k => string.Equals(type, k.ResourceType, StringComparison.Ordinal));
        if (kind is null)
        {
            return false;
        }

        arn = new IamArn(accountId, kind, resource[slash..(lastSlash + 1)].ToString(),
            resource[(lastSlash + 1)..].ToString());
        return true;
    }

    public override string ToString() => Format(AccountId, Kind, Path, Name);
}
