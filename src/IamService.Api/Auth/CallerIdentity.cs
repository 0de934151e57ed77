using System.Globalization;
using System.Security.Claims;
using IamService.Data.Credentials;

namespace IamService.Api.Auth;

/// <summary>Who is calling, as read from a verified access token.</summary>
public sealed record CallerIdentity(
    string PrincipalId,
    string PrincipalArn,
    string UserId,
    string SessionId,
    SessionKind Kind,
    DateTimeOffset AuthTime,
    DateTimeOffset IssuedAt,
    DateTimeOffset? MfaAuthTime)
{
    /// <summary>Root's principal id is the 12-digit account id.</summary>
    public bool IsRoot => PrincipalArn.EndsWith(":root", StringComparison.Ordinal);

    public bool MfaAuthenticated => MfaAuthTime is not null;

    /// <summary>Reads a principal that the bearer handler has verified; null for anyone else.</summary>
    public static CallerIdentity? From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var subject = user.FindFirstValue(IamClaims.Subject);
        var arn = user.FindFirstValue(IamClaims.PrincipalArn);
        var userId = user.FindFirstValue(IamClaims.UserId);
        var session = user.FindFirstValue(IamClaims.SessionId);
        if (subject is null || arn is null || userId is null || session is null
            || !Enum.TryParse<SessionKind>(user.FindFirstValue(IamClaims.Kind), ignoreCase: true, out var kind)
            || ReadTime(user, IamClaims.AuthTime) is not { } authTime
            || ReadTime(user, IamClaims.IssuedAt) is not { } issuedAt)
        {
            return null;
        }

        var mfaTime = ReadTime(user, IamClaims.MfaTime);
        return new CallerIdentity(subject, arn, userId, session, kind, authTime, issuedAt, mfaTime);
    }

    private static DateTimeOffset? ReadTime(ClaimsPrincipal user, string claim) =>
        long.TryParse(user.FindFirstValue(claim), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}

/// <summary>Reads the caller from the current request.</summary>
public static class CallerIdentityExtensions
{
    private static readonly object CacheKey = new();

    /// <summary>The verified caller, or null when the request carries no valid token.</summary>
    public static CallerIdentity? GetCaller(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(CacheKey, out var cached))
        {
            return (CallerIdentity?)cached;
        }

        var caller = CallerIdentity.From(context.User);
        context.Items[CacheKey] = caller;
        return caller;
    }
}
