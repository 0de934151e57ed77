using System.Globalization;
using IamService.Api.Common;
using IamService.Api.Errors;
using Policy = IamService.Data.Credentials.PasswordPolicy;

namespace IamService.Api.PasswordPolicy;

/// <summary>
/// Checks a new password against the account's password policy and returns every rule it breaks, not just the
/// first, so that the user fixes them all at once.
/// </summary>
public static class PasswordValidator
{
    /// <summary>IAM's longest password.</summary>
    public const int MaxLength = 128;

    /// <summary>User names shorter than this are not searched for: "al" would forbid half the dictionary.</summary>
    public const int MinUserNameLengthToSearch = 3;

    /// <summary>IAM's symbols for <c>requireSymbols</c> (IAM user guide, "Set an account password policy").</summary>
    public const string Symbols = "!@#$%^&*()_+-=[]{}|'";

    /// <summary>
    /// IAM's default rules, which apply when the account has no policy and always to root (the account policy
    /// does not cover root): at least 8 characters with three of upper case, lower case, digits and symbols.
    /// </summary>
    private const int DefaultMinimumLength = 8;

    private const int DefaultRequiredClasses = 3;

    public static IReadOnlyList<PasswordRuleViolation> Check(string password, string? userName, Policy? policy)
    {
        ArgumentNullException.ThrowIfNull(password);
        var violations = new List<PasswordRuleViolation>();
        var minimum = policy?.MinimumPasswordLength ?? DefaultMinimumLength;
        if (password.Length < minimum)
        {
            violations.Add(new("minimumPasswordLength", Invariant($"Use at least {minimum} characters.")));
        }

        if (password.Length > MaxLength)
        {
            violations.Add(new("maximumPasswordLength", Invariant($"Use at most {MaxLength} characters.")));
        }

        var upper = password.Any(char.IsAsciiLetterUpper);
        var lower = password.Any(char.IsAsciiLetterLower);
        var digit = password.Any(char.IsAsciiDigit);
        var symbol = password.Any(c => Symbols.Contains(c, StringComparison.Ordinal));
        if (policy is null)
        {
            var classes = (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
            if (classes < DefaultRequiredClasses)
            {
                violations.Add(new("characterClasses", Invariant(
                    $"Mix at least {DefaultRequiredClasses} of: upper and lower case letters, numbers, {Symbols}")));
            }
        }
        else
        {
            AddIf(violations, policy.RequireUppercaseCharacters && !upper,
                "requireUppercaseCharacters", "Include at least one upper-case letter (A-Z).");
            AddIf(violations, policy.RequireLowercaseCharacters && !lower,
                "requireLowercaseCharacters", "Include at least one lower-case letter (a-z).");
            AddIf(violations, policy.RequireNumbers && !digit, "requireNumbers", "Include at least one number (0-9).");
            AddIf(violations, policy.RequireSymbols && !symbol,
                "requireSymbols", $"Include at least one of these symbols: {Symbols}");
        }

        AddIf(violations, CommonPasswords.Contains(password),
            "commonPassword", "This password is among the most common leaked passwords; choose another.");
        AddIf(violations,
            userName is { Length: >= MinUserNameLengthToSearch }
                && password.Contains(userName, StringComparison.OrdinalIgnoreCase),
            "containsUserName", "The password must not contain the user name.");
        return violations;
    }

    /// <summary>The 400 PasswordPolicyViolation that lists every broken rule.</summary>
    public static IamError ToError(IReadOnlyList<PasswordRuleViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var detail = "The password does not meet the password policy: "
            + string.Join(" ", violations.Select(v => v.Detail));
        return new IamError(IamErrorCode.PasswordPolicyViolation, StatusCodes.Status400BadRequest, detail)
        {
            Extensions = new Dictionary<string, object?> { ["violations"] = violations },
        };
    }

    private static void AddIf(List<PasswordRuleViolation> violations, bool broken, string rule, string detail)
    {
        if (broken)
        {
            violations.Add(new(rule, detail));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
