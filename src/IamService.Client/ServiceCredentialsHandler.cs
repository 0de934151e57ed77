using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IamService.Client;

/// <summary>
/// Sends the calling service's access token with every request to IamService: from the configured provider, or
/// from a sign-in with the configured user name and password that is reused until shortly before it expires.
/// </summary>
internal sealed partial class ServiceCredentialsHandler(
    ServiceTokenCache cache,
    IOptions<IamClientOptions> options,
    IServiceProvider services,
    TimeProvider time,
    ILogger<ServiceCredentialsHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.AccessTokenProvider is { } provider)
        {
            request.Headers.Authorization = Bearer(await provider(services, cancellationToken));
            return await base.SendAsync(request, cancellationToken);
        }

        var token = await cache.GetAsync(SignInAsync, rejected: null, cancellationToken);
        request.Headers.Authorization = Bearer(token.Value);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // The session may have been revoked or signed out before its expiry: sign in again, once.
        Log.TokenRefused(logger, settings.UserName);
        response.Dispose();
        token = await cache.GetAsync(SignInAsync, rejected: token, cancellationToken);
        request.Headers.Authorization = Bearer(token.Value);
        return await base.SendAsync(request, cancellationToken);
    }

    // Limitation: a service signs in with a user's password only: IamService has no access keys for services yet.
    private async Task<ServiceToken> SignInAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var obtainedAt = time.GetUtcNow();
        var credentials = new LoginRequest(settings.UserName!, settings.Password!);
        using var login = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.BaseAddress!, "api/v1/auth/login"))
        {
            Content = JsonContent.Create(credentials, options: IamJson.Options),
        };
        using var response = await base.SendAsync(login, cancellationToken);
        var answer = await IamClient.ReadAsync<LoginResponse>(response, cancellationToken);
        if (answer.AccessToken is not { } value || answer.ExpiresAt is not { } expiresAt)
        {
            throw new IamServiceException(
                response.StatusCode,
                code: null,
                $"The sign-in of {settings.UserName} gave no access token: a service's user must be able to sign in "
                + "with its password alone (no MFA code, no password change due).");
        }

        Log.SignedIn(logger, settings.UserName, expiresAt);
        return new ServiceToken(value, obtainedAt, expiresAt);
    }

    private static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    private sealed record LoginRequest(string UserName, string Password);

    private sealed record LoginResponse(string? AccessToken, DateTimeOffset? ExpiresAt);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information,
            "Signed in to IamService as {UserName}; the token expires at {ExpiresAt}")]
        public static partial void SignedIn(ILogger logger, string? userName, DateTimeOffset expiresAt);

        [LoggerMessage(2, LogLevel.Information, "IamService refused the token of {UserName}; signing in again")]
        public static partial void TokenRefused(ILogger logger, string? userName);
    }
}
