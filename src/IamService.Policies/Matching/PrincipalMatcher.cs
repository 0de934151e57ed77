namespace IamService.Policies;

/// <summary>How a Principal element named the caller.</summary>
internal enum PrincipalMatch
{
    None,

    /// <summary>
    /// Named through its account only. IAM: naming an account delegates to it; the account's own identity-based
    /// policies must still grant the caller access.
    /// </summary>
    Account,

    /// <summary>Named through the role behind its session, <c>*</c>, or a NotPrincipal that leaves it out.</summary>
    Indirect,

    /// <summary>Named by its own ARN: the IAM user, the assumed-role session, the service.</summary>
    Direct,
}

/// <summary>
/// Matches a Principal or NotPrincipal element against the caller (IAM: "AWS JSON policy elements:
/// Principal"). An AWS value names the caller when it is its ARN, its account (the 12-digit id or
/// <c>arn:PARTITION:iam::ACCOUNT:root</c>), the role behind an assumed-role session, or <c>*</c>.
/// </summary>
internal sealed class PrincipalMatcher
{
    private readonly bool _everyone;
    private readonly string[] _arns;
    private readonly string[] _accounts;
    private readonly string[] _services;
    private readonly string[] _federated;

    public PrincipalMatcher(PolicyPrincipal principal)
    {
        _everyone = principal.IsWildcard || principal.Entries.Any(e => e.Kind == PrincipalKind.Aws && e.Value == "*");
        var aws = Values(principal, PrincipalKind.Aws);
        _accounts = [.. aws.Select(AccountOf).OfType<string>()];
        _arns = [.. aws.Where(v => AccountOf(v) is null)];
        _services = Values(principal, PrincipalKind.Service);
        _federated = Values(principal, PrincipalKind.Federated);
        // Limitation: CanonicalUser principals never match, since a request carries no canonical user id.
    }

    public PrincipalMatch Match(RequestPrincipal caller)
    {
        var best = _everyone ? PrincipalMatch.Indirect : PrincipalMatch.None;
        foreach (var value in _arns)
        {
            if (value == caller.Arn)
            {
                return PrincipalMatch.Direct;
            }

            if (value == caller.SessionIssuerArn)
            {
                best = PrincipalMatch.Indirect;
            }
        }

        foreach (var account in _accounts)
        {
            if (account == caller.AccountId)
            {
                best = caller.Type == PrincipalType.Root ? PrincipalMatch.Direct
                    : best == PrincipalMatch.None ? PrincipalMatch.Account
                    : best;
            }
        }

        var named = caller.Type switch
        {
            PrincipalType.Service => _services,
            PrincipalType.WebIdentity => _federated,
            _ => [],
        };
        foreach (var value in named)
        {
            if (string.Equals(value, caller.Arn, StringComparison.OrdinalIgnoreCase))
            {
                return PrincipalMatch.Direct;
            }
        }

        return best;
    }

    /// <summary>The account a value names as a whole: a bare 12-digit id or arn:PARTITION:iam::ACCOUNT:root.</summary>
    internal static string? AccountOf(string value)
    {
        if (AccountIds.IsAccountId(value))
        {
            return value;
        }

        var parts = value.Split(':');
        return parts.Length == 6 && parts[0] == "arn" && parts[2] == "iam" && parts[3].Length == 0
            && AccountIds.IsAccountId(parts[4]) && parts[5] == "root"
            ? parts[4]
            : null;
    }

    private static string[] Values(PolicyPrincipal principal, PrincipalKind kind) =>
        [.. principal.Entries.Where(e => e.Kind == kind && e.Value != "*").Select(e => e.Value)];
}
