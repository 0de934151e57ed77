using IamService.Policies;

namespace IamService.Api.Common;

/// <summary>Reads the ARN of a caller (user, role, role session or account root) into a principal.</summary>
public static class CallerArns
{
    private const string IamPrefix = "arn:aws:iam::";
    private const string StsPrefix = "arn:aws:sts::";
    private const int AccountIdLength = 12;

    public static bool IsAccountId(ReadOnlySpan<char> text) =>
        text.Length == AccountIdLength && !text.ContainsAnyExceptInRange('0', '9');

    /// <summary>
    /// The principal an ARN names, with the ARN as its id; null when the text is not such an ARN. A role ARN
    /// is read as a session of that role, since a role acts only through sessions.
    /// </summary>
    public static RequestPrincipal? TryRead(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        var sts = arn.StartsWith(StsPrefix, StringComparison.Ordinal);
        if (!sts && !arn.StartsWith(IamPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = arn.AsSpan(IamPrefix.Length);
        if (rest.Length <= AccountIdLength || rest[AccountIdLength] != ':' || !IsAccountId(rest[..AccountIdLength]))
        {
            return null;
        }

        var account = rest[..AccountIdLength].ToString();
        var resource = rest[(AccountIdLength + 1)..];
        if (sts)
        {
            return ReadSession(arn, account, resource);
        }

        if (resource.SequenceEqual("root"))
        {
            return new RequestPrincipal(arn, account, PrincipalType.Root, account);
        }

        var type = resource.StartsWith("user/") ? PrincipalType.User
            : resource.StartsWith("role/") ? PrincipalType.AssumedRole
            : (PrincipalType?)null;
        if (type is null || resource.EndsWith("/") || resource.IndexOf('/') == resource.Length - 1)
        {
            return null;
        }

        return new RequestPrincipal(
            arn,
            arn,
            type.Value,
            account,
            sessionIssuerArn: type == PrincipalType.AssumedRole ? arn : null);
    }

    /// <summary>IAM's session ARN: <c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>.</summary>
    private static RequestPrincipal? ReadSession(string arn, string account, ReadOnlySpan<char> resource)
    {
        const string prefix = "assumed-role/";
        if (!resource.StartsWith(prefix))
        {
            return null;
        }

        var names = resource[prefix.Length..];
        var slash = names.IndexOf('/');
        if (slash <= 0 || slash == names.Length - 1 || names[(slash + 1)..].Contains('/'))
        {
            return null;
        }

        var roleArn = $"{IamPrefix}{account}:role/{names[..slash]}";
        return new RequestPrincipal(arn, arn, PrincipalType.AssumedRole, account, sessionIssuerArn: roleArn);
    }
}
