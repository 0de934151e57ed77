using System.Data.Common;
using System.Runtime.ExceptionServices;
using IamService.Api.Decisions;
using IamService.Data;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace IamService.Api.Auth;

internal static class AuthenticationSetup
{
    /// <summary>
    /// Bearer tokens signed by this service's own key ring, honoured only while their session lives; Data
    /// Protection keys kept in the database, so that every instance can read what another encrypted, and
    /// encrypted there with a certificate when <see cref="KeyProtectionOptions"/> names one.
    /// </summary>
    public static IServiceCollection AddIamAuthentication(
        this IServiceCollection services,
        IConfiguration configuration)
    {
        services.AddOptions<TokenOptions>().BindConfiguration(TokenOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        // Limitation: without DataProtection:Certificate the keys are stored unencrypted; no key vault is supported.
        services.AddDataProtection().SetApplicationName("IamService").PersistKeysToDbContext<IamDbContext>()
            .ProtectKeysWith(configuration.GetSection(KeyProtectionOptions.SectionName));
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<VerifiedTokenCache>();
        services.AddScoped<AccessTokenIssuer>();
        services.AddScoped<SessionRevoker>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<Mfa.MfaSeedProtector>();
        services.AddScoped<Mfa.TotpVerifier>();
        services.AddSingleton<IPasswordHasher<Data.Credentials.LoginProfile>,
            PasswordHasher<Data.Credentials.LoginProfile>>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyRing, IOptions<TokenOptions>, TimeProvider, VerifiedTokenCache>(
                (bearer, ring, tokens, time, verified) =>
            {
                bearer.MapInboundClaims = false;
                verified.MapInboundClaims = false;
                bearer.TokenHandlers.Clear();
                bearer.TokenHandlers.Add(verified);
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = tokens.Value.Issuer,
                    ValidAudience = tokens.Value.Issuer,
                    // Only what this service signs: "none", HS256 with the public key as secret, and the
                    // like are refused before any key is looked at.
                    ValidAlgorithms = [SigningKeyRing.Algorithm],
                    ValidTypes = ["JWT"],
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    // The lifetime is read on the clock that issued the token and that the session check reads.
                    LifetimeValidator = (notBefore, expires, _, parameters) =>
                        CheckLifetime(notBefore, expires, parameters.ClockSkew, time.GetUtcNow().UtcDateTime),
                    IssuerSigningKeyResolver = (_, _, keyId, _) =>
                        ring.ValidationKeys.Where(k => k.KeyId == keyId),
                };
                bearer.Events = new JwtBearerEvents
                {
                    OnTokenValidated = CheckSessionAsync,
                    // A store that cannot be reached is not a bad token: let it surface as a 503, not a 401.
                    OnAuthenticationFailed = context =>
                    {
                        if (context.Exception is DbException or TimeoutException)
                        {
                            ExceptionDispatchInfo.Capture(context.Exception).Throw();
                        }

                        return Task.CompletedTask;
                    },
                    OnChallenge = WriteChallengeAsync,
                    OnForbidden = context => Task.CompletedTask,
                };
            });
        services.AddAuthorization();
        return services;
    }

    /// <summary>A token is honoured only while its session exists, has not expired and has not been revoked.</summary>
    private static async Task CheckSessionAsync(TokenValidatedContext context)
    {
        var caller = CallerIdentity.From(context.Principal!);
        if (caller is null)
        {
            context.Fail("The access token lacks IamService's claims.");
            return;
        }

        // Sessions are cached until they end: a sign-out or revocation drops the entry on every instance.
        var services = context.HttpContext.RequestServices;
        var session = await services.GetRequiredService<SessionDirectory>()
            .FindAsync(caller.SessionId, context.HttpContext.RequestAborted);
        var live = session is not null && session.IsLive(services.GetRequiredService<TimeProvider>().GetUtcNow());
        if (!live)
        {
            context.Fail(new SessionEndedException());
        }
    }

    /// <summary>The token's nbf and exp (RFC 7519 sections 4.1.4 and 4.1.5) against the service's clock.</summary>
    private static bool CheckLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew, DateTime now)
    {
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The access token has no expiry time.");
        }

        if (notBefore > now + skew)
        {
            throw new SecurityTokenNotYetValidException("The access token is not valid yet.")
            {
                NotBefore = notBefore.Value,
            };
        }

        return expires > now - skew
            ? true
            : throw new SecurityTokenExpiredException("The access token has expired.") { Expires = expires.Value };
    }

    private static async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var detail = context.AuthenticateFailure switch
        {
            null => "This endpoint needs an access token: sign in with POST /api/v1/auth/login and send it as "
                + "'Authorization: Bearer <token>'.",
            SecurityTokenExpiredException => "The access token has expired: sign in again.",
            SessionEndedException =>
                "The session of this access token has ended (signed out or revoked): sign in again.",
            _ => "The access token is not valid: sign in again to get a new one.",
        };
        var response = context.Response;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = "Bearer";
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = { Status = StatusCodes.Status401Unauthorized, Detail = detail },
        });
    }
}

/// <summary>A correctly signed token whose session was signed out, revoked or has expired.</summary>
internal sealed class SessionEndedException() : Exception("The session has ended.");
