using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using IamService.Api.Mfa;
using IamService.Api.Tests.Infrastructure;
using IamService.Data.Credentials;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using OtpNet;

namespace IamService.Api.Tests.AccessKeys;

/// <summary>
/// What access key, session token and assume-role tests set up. Roles and policies go through their endpoints;
/// MFA devices are written straight to the store with the real seed protector, as no endpoint enrols them yet.
/// </summary>
public abstract class CredentialTestBase : ApiTestBase
{
    /// <summary>A user with an access key: the user's id and the key's id and secret.</summary>
    protected async Task<(string UserId, string AccessKeyId, string Secret)> CreateUserWithKeyAsync(string userName)
    {
        var user = await CreateUserAsync(userName);
        var (keyId, secret) = await CreateKeyAsync(userName);
        return (user.GetProperty("userId").GetString()!, keyId, secret);
    }

    protected async Task<(string AccessKeyId, string Secret)> CreateKeyAsync(string userName)
    {
        var response = await Client.PostAsync($"/api/v1/users/{userName}/access-keys", null);
        var key = await OkAsync(response, HttpStatusCode.Created);
        return (key.GetProperty("accessKeyId").GetString()!, key.GetProperty("secretAccessKey").GetString()!);
    }

    protected Task<HttpResponseMessage> RequestSessionTokenAsync(object body) =>
        PostAsync("/api/v1/sts/session-token", body);

    /// <summary>A session token's access token for the key; fails the test if none is issued.</summary>
    protected async Task<string> SessionTokenAsync(string accessKeyId, string secret)
    {
        var body = await OkAsync(await RequestSessionTokenAsync(new { accessKeyId, secretAccessKey = secret }));
        return body.GetProperty("accessToken").GetString()!;
    }

    protected static Task<HttpResponseMessage> AssumeRoleAsync(HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/v1/sts/assume-role", body);

    /// <summary>An inline policy of the user, put through the API.</summary>
    /// <summary>A role session's access token; the session policy limits it when one is given.</summary>
    protected static async Task<string> AssumedTokenAsync(HttpClient client, string roleArn, string? policy = null)
    {
        object request = policy is null
            ? new { roleArn, roleSessionName = "session" }
            : new { roleArn, roleSessionName = "session", policy };
        var response = await AssumeRoleAsync(client, request);
        return (await OkAsync(response)).GetProperty("accessToken").GetString()!;
    }

    protected Task PutUserPolicyAsync(string userName, string document) =>
        PutInlineAsync($"users/{userName}", Unique("policy"), document);

    /// <summary>A role with this trust policy, created through the API; returns its ARN.</summary>
    protected async Task<string> CreateTrustedRoleAsync(
        string roleName,
        string trustPolicy,
        int? maxSessionDuration = null)
    {
        var response = await PostAsync(
            "/api/v1/roles", new { roleName, assumeRolePolicyDocument = trustPolicy, maxSessionDuration });
        var role = await OkAsync(response, HttpStatusCode.Created);
        return role.GetProperty("arn").GetString()!;
    }

    /// <summary>An enabled virtual MFA device of the principal; returns its serial number and seed.</summary>
    protected async Task<(string SerialNumber, byte[] Seed)> EnableMfaDeviceAsync(string principalId)
    {
        var name = Unique("device");
        var seed = RandomNumberGenerator.GetBytes(20);
        await WithDbAsync(db =>
        {
            var protector = Factory.Services.GetRequiredService<MfaSeedProtector>();
            db.MfaDevices.Add(new MfaDevice(principalId, name, protector.Protect(seed), DateTimeOffset.UtcNow)
            {
                EnableDate = DateTimeOffset.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        return ($"arn:aws:iam::{await AccountIdAsync()}:mfa/{name}", seed);
    }

    /// <summary>The device's code for now, as an authenticator app shows it.</summary>
    protected static string CurrentCode(byte[] seed) => new Totp(seed).ComputeTotp(DateTime.UtcNow);

    protected Task<Session> SessionOfAsync(string accessToken)
    {
        var sessionId = new JsonWebToken(accessToken).GetClaim("sid").Value;
        return WithDbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId));
    }

    /// <summary>Whether the token still works: signing out with it answers 204 (and ends it) or 401.</summary>
    protected async Task<bool> TokenWorksAsync(string accessToken)
    {
        using var client = ClientWithToken(accessToken);
        var response = await client.PostAsync("/api/v1/auth/logout", null);
        Assert.True(response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.Unauthorized);
        return response.StatusCode == HttpStatusCode.NoContent;
    }

    protected static string AllowAssumeRole(string resource) => JsonSerializer.Serialize(new
    {
        Version = "2012-10-17",
        Statement = new[] { new { Effect = "Allow", Action = "sts:AssumeRole", Resource = resource } },
    });

    protected static string TrustUser(string accountId, string userName) =>
        Trust(new { AWS = $"arn:aws:iam::{accountId}:user/{userName}" });

    /// <summary>A trust policy that names the account: whoever in it is allowed by their own policies may
    /// assume the role.</summary>
    protected static string TrustRoot(string accountId) => Trust(new { AWS = $"arn:aws:iam::{accountId}:root" });

    /// <summary>A trust policy that lets the principal assume the role, on the condition when there is one.</summary>
    protected static string Trust(object principal, object? condition = null)
    {
        var statement = new Dictionary<string, object>
        {
            ["Effect"] = "Allow",
            ["Principal"] = principal,
            ["Action"] = "sts:AssumeRole",
        };
        if (condition is not null)
        {
            statement["Condition"] = condition;
        }

        return JsonSerializer.Serialize(new { Version = "2012-10-17", Statement = new[] { statement } });
    }
}
