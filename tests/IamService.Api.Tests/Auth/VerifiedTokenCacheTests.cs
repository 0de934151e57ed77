using System.Net;
using System.Net.Http.Json;
using IamService.Api.Auth;
using IamService.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace IamService.Api.Tests.Auth;

/// <summary>A verified token is remembered only while it is valid, and only byte for byte.</summary>
public sealed class VerifiedTokenCacheTests : ApiTestBase
{
    [Fact]
    public async Task A_remembered_token_is_refused_once_it_expires()
    {
        var token = await SignInAsRootAsync();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var cache = new VerifiedTokenCache(Factory.Services.GetRequiredService<SigningKeyRing>(), clock);
        var parameters = Parameters(clock);

        var first = await cache.ValidateTokenAsync(token, parameters);
        var again = await cache.ValidateTokenAsync(token, parameters);
        Assert.True(first.IsValid, first.Exception?.Message);
        Assert.True(again.IsValid, again.Exception?.Message);
        Assert.Equal(1, cache.Count);
        Assert.NotSame(first.ClaimsIdentity, again.ClaimsIdentity);

        clock.Advance(TimeSpan.FromHours(2));
        var expired = await cache.ValidateTokenAsync(token, parameters);

        Assert.False(expired.IsValid);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task A_token_differing_from_a_remembered_one_is_verified_and_refused()
    {
        var token = await SignInAsRootAsync();
        var question = new { principalArn = $"arn:aws:iam::{await AccountIdAsync()}:root", action = "s3:GetObject",
            resource = "*" };
        using var client = ClientWithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/authorize", question)).StatusCode);

        // The same header and payload with another signature: the remembered token must not vouch for it.
        var signature = token[(token.LastIndexOf('.') + 1)..];
        var forged = token[..(token.LastIndexOf('.') + 1)] + (signature[0] == 'A' ? 'B' : 'A') + signature[1..];
        using var forger = ClientWithToken(forged);
        var response = await forger.PostAsJsonAsync("/api/v1/authorize", question);

        await ProblemAsync(response, HttpStatusCode.Unauthorized, "NotAuthenticated");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/authorize", question)).StatusCode);
    }

    private TokenValidationParameters Parameters(TimeProvider clock)
    {
        var bearer = Factory.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>()
            .Get(JwtBearerDefaults.AuthenticationScheme);
        var parameters = bearer.TokenValidationParameters.Clone();
        // The handler's own lifetime check reads the same clock as the cache.
        parameters.LifetimeValidator = (_, expires, _, _) => expires > clock.GetUtcNow().UtcDateTime;
        return parameters;
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
