namespace IamService.Api.Errors;

/// <summary>
/// The error codes carried in the <c>code</c> member of every problem body. They are IAM's own names, so a
/// client written against IAM recognises them; each is documented in docs/errors.md under its name.
/// </summary>
public static class IamErrorCode
{
    public const string InvalidInput = nameof(InvalidInput);
    public const string ValidationError = nameof(ValidationError);
    public const string MalformedPolicyDocument = nameof(MalformedPolicyDocument);
    public const string NoSuchEntity = nameof(NoSuchEntity);
    public const string EntityAlreadyExists = nameof(EntityAlreadyExists);
    public const string DeleteConflict = nameof(DeleteConflict);
    public const string LimitExceeded = nameof(LimitExceeded);
    public const string NotAuthenticated = nameof(NotAuthenticated);
    public const string AccessDenied = nameof(AccessDenied);
    public const string NotFound = nameof(NotFound);
    public const string MethodNotAllowed = nameof(MethodNotAllowed);
    public const string UnsupportedMediaType = nameof(UnsupportedMediaType);
    public const string PreconditionFailed = nameof(PreconditionFailed);
    public const string Throttling = nameof(Throttling);
    public const string ServiceFailure = nameof(ServiceFailure);
    public const string ServiceUnavailable = nameof(ServiceUnavailable);
    public const string PasswordPolicyViolation = nameof(PasswordPolicyViolation);
    public const string PasswordExpired = nameof(PasswordExpired);
    public const string InvalidAuthenticationCode = nameof(InvalidAuthenticationCode);

    /// <summary>The code a problem gets when the code that produced it named none.</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => InvalidInput,
        StatusCodes.Status401Unauthorized => NotAuthenticated,
        StatusCodes.Status403Forbidden => AccessDenied,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status412PreconditionFailed => PreconditionFailed,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => Throttling,
        StatusCodes.Status503ServiceUnavailable => ServiceUnavailable,
        >= 500 => ServiceFailure,
        _ => InvalidInput,
    };
}
