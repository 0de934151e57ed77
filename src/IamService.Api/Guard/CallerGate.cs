using IamService.Api.Auth;
using IamService.Api.Common;
using IamService.Api.Decisions;
using IamService.Api.Errors;

namespace IamService.Api.Guard;

/// <summary>
/// The first half of the guard, shared by controller actions and minimal endpoints: does the endpoint name an
/// action, who is calling, and does the account's MFA requirement let the caller past set-up. The caller found is
/// kept in the request's features for endpoints that decide for themselves.
/// </summary>
public sealed class CallerGate(DecisionService decisions, MfaRequirement mfa)
{
    public async Task<Result<DecisionSubject>> AdmitAsync(
        HttpContext http,
        IamActionAttribute? mapping,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (mapping is null)
        {
            // Deny by default: an endpoint that names no action is nobody's to call.
            return new IamError(IamErrorCode.AccessDenied, StatusCodes.Status403Forbidden,
                "This endpoint maps to no IAM action, so no policy can allow it.");
        }

        var identity = http.GetCaller();
        var caller = identity is null ? null : await decisions.FindCallerAsync(identity, cancellationToken);
        if (caller is null)
        {
            return new IamError(IamErrorCode.NotAuthenticated, StatusCodes.Status401Unauthorized,
                "The session of this access token has ended or its principal no longer exists: sign in again.");
        }

        http.Features.Set(caller);
        if (!caller.IsRoot && await mfa.MustEnrolAsync(caller, cancellationToken)
            && !IsOwnSetupStep(http, mapping, caller))
        {
            return MfaRequirement.EnrolFirst(caller.Principal.Arn);
        }

        return caller;
    }

    /// <summary>A set-up step (enrolling an MFA device, changing the password) the caller takes on themself.</summary>
    private static bool IsOwnSetupStep(HttpContext http, IamActionAttribute mapping, DecisionSubject caller) =>
        mapping.SetupStep != CredentialSetupStep.None
        && (mapping.Resource == IamResource.Caller
            || string.Equals(http.GetRouteValue("userName")?.ToString(), caller.Principal.UserName,
                StringComparison.OrdinalIgnoreCase));
}
