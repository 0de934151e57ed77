namespace IamService.Api.Auth;

/// <summary>The reasons recorded with a failed sign-in attempt (never the password or code that was tried).</summary>
public static class SignInFailure
{
    public const string UnknownUser = "unknownUser";
    public const string WrongPassword = "wrongPassword";
    public const string WrongOldPassword = "wrongOldPassword";
    public const string WrongCode = "wrongCode";
    public const string Locked = "locked";
    public const string PasswordExpired = "passwordExpired";

    /// <summary>The failures that count towards a lockout: a wrong secret. Refusals of a locked name do not.</summary>
    public static IReadOnlyList<string> Counted { get; } = [UnknownUser, WrongPassword, WrongOldPassword, WrongCode];
}
