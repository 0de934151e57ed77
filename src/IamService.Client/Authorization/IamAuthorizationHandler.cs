using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IamService.Client.Authorization;

/// <summary>
/// Meets an <see cref="IamActionRequirement"/> only when IamService answers <c>allowed</c> for the signed-in
/// user, the action and the resolved resource. Any failure to get that answer denies (fails closed) and is logged.
/// </summary>
public sealed partial class IamAuthorizationHandler(
    IamClient client,
    IOptions<IamAuthorizationOptions> options,
    IHttpContextAccessor accessor,
    ILogger<IamAuthorizationHandler> logger) : AuthorizationHandler<IamActionRequirement>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context,
        IamActionRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        var http = context.Resource as HttpContext ?? accessor.HttpContext;
        if (http is null || context.User.Identity?.IsAuthenticated != true)
        {
            // Nobody to ask about: the policy's authenticated-user requirement fails and challenges.
            return;
        }

        var settings = options.Value;
        var resource = settings.ResourceResolver(http, requirement.Action);
        var request = Question(context.User, http.Request, settings, requirement.Action, resource);
        if (request is null)
        {
            Log.NoSubject(logger, requirement.Action, settings.PrincipalArnClaimType ?? "bearer token");
            context.Fail(new AuthorizationFailureReason(this, "The request names no principal to ask about."));
            return;
        }

        // Limitation: every protected request asks IamService: no decision cache, so a changed policy applies at once.
        AuthorizeResponse answer;
        try
        {
            answer = await client.AuthorizeAsync(
                request with { Context = settings.ContextResolver?.Invoke(http) }, http.RequestAborted);
        }
        catch (IamServiceException e)
        {
            Log.ServiceError(logger, requirement.Action, resource, (int)e.Status, e.Code, e.Detail, e.TraceId);
            context.Fail(new AuthorizationFailureReason(this, "IamService could not decide: " + e.Code));
            return;
        }
        catch (HttpRequestException e)
        {
            Log.Unreachable(logger, e, requirement.Action, resource);
            context.Fail(new AuthorizationFailureReason(this, "IamService could not be reached."));
            return;
        }
        catch (TaskCanceledException e) when (!http.RequestAborted.IsCancellationRequested)
        {
            Log.Unreachable(logger, e, requirement.Action, resource);
            context.Fail(new AuthorizationFailureReason(this, "IamService did not answer in time."));
            return;
        }

        if (answer.IsAllowed)
        {
            context.Succeed(requirement);
            return;
        }

        Log.Denied(logger, requirement.Action, resource, answer.Decision);
        context.Fail(new AuthorizationFailureReason(this, $"IamService answered {answer.Decision}."));
    }

    /// <summary>About the user's ARN from its claim when so configured, else about the bearer token.</summary>
    private static AuthorizeRequest? Question(
        ClaimsPrincipal user,
        HttpRequest request,
        IamAuthorizationOptions settings,
        string action,
        string resource)
    {
        if (settings.PrincipalArnClaimType is { } claimType)
        {
            return user.FindFirst(claimType)?.Value is { } arn
                ? AuthorizeRequest.ForPrincipal(arn, action, resource)
                : null;
        }

        const string scheme = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? AuthorizeRequest.ForSubjectToken(header[scheme.Length..].Trim(), action, resource)
            : null;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "IamService answered {Decision} for {Action} on {Resource}")]
        public static partial void Denied(ILogger logger, string action, string resource, string decision);

        [LoggerMessage(2, LogLevel.Warning,
            "Denied {Action} on {Resource}: IamService answered {Status} {Code}: {Detail} (trace {TraceId})")]
        public static partial void ServiceError(
            ILogger logger, string action, string resource, int status, string? code, string detail, string? traceId);

        [LoggerMessage(3, LogLevel.Warning, "Denied {Action} on {Resource}: IamService could not be reached")]
        public static partial void Unreachable(ILogger logger, Exception exception, string action, string resource);

        [LoggerMessage(4, LogLevel.Warning, "Denied {Action}: the request has no {Subject} to ask IamService about")]
        public static partial void NoSubject(ILogger logger, string action, string subject);
    }
}
