using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IamService.Api.Mfa;
using IamService.Api.Tests.Infrastructure;
using IamService.Data.Credentials;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace IamService.Api.Tests.SignIn;

/// <summary>Users with passwords, the password policy, MFA devices and TOTP codes, for the sign-in tests.</summary>
public abstract class SignInTestBase : ApiTestBase
{
    /// <summary>Meets IAM's default rules and any policy the tests set, and is on no common-password list.</summary>
    protected const string GoodPassword = "Amber-Kettle-42-Orbit!";

    protected const string OtherGoodPassword = "Violet-Lantern-77-Drift?";

    protected const string ThirdGoodPassword = "Copper-Meadow-31-Quill#";

    /// <summary>The service's clock, which a test moves on instead of waiting.</summary>
    protected TestClock Clock { get; } = new();

    protected override TimeProvider? ServiceClock => Clock;

    /// <summary>
    /// A rate limit that the sign-in tests do not reach (they all come from one address), unless a test class
    /// sets <c>SignIn:RequestsPerMinutePerIp</c> itself in <see cref="SignInSettings"/>.
    /// </summary>
    protected sealed override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string>(SignInSettings) { ["SignIn:RequestsPerMinutePerIp"] = RequestsPerMinute };

    protected virtual IReadOnlyDictionary<string, string> SignInSettings => new Dictionary<string, string>();

    protected virtual string RequestsPerMinute => "100000";

    /// <summary>A root client whose requests come from <paramref name="ip"/> (the remote address).</summary>
    protected HttpClient ClientFrom(string ip)
    {
        var address = IPAddress.Parse(ip);
        var handler = Factory.Server.CreateHandler(context => context.Connection.RemoteIpAddress = address);
        var client = new HttpClient(handler) { BaseAddress = Factory.Server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", RootToken);
        return client;
    }

    protected async Task<JsonElement> PutLoginProfileAsync(
        string userName,
        string password,
        bool resetRequired = false,
        HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await Client.PutAsJsonAsync(
            $"/api/v1/users/{userName}/login-profile", new { password, passwordResetRequired = resetRequired });
        return await OkAsync(response, expected);
    }

    /// <summary>Sets a user's password and returns the answer, whatever it is.</summary>
    protected Task<HttpResponseMessage> TryPutPasswordAsync(string userName, string password) =>
        Client.PutAsJsonAsync($"/api/v1/users/{userName}/login-profile", new { password });

    /// <summary>A new user who can sign in with <paramref name="password"/>; returns the user's id.</summary>
    protected async Task<string> CreateUserWithPasswordAsync(string userName, string password = GoodPassword)
    {
        var user = await CreateUserAsync(userName);
        await PutLoginProfileAsync(userName, password);
        return user.GetProperty("userId").GetString()!;
    }

    protected async Task SetPolicyAsync(object policy)
    {
        var response = await Client.PutAsJsonAsync("/api/v1/account/password-policy", policy);
        await OkAsync(response);
    }

    protected async Task ClearPolicyAsync() => await Client.DeleteAsync("/api/v1/account/password-policy");

    protected Task<HttpResponseMessage> LoginAsync(string userName, string password) =>
        PostAsync("/api/v1/auth/login", new { userName, password });

    protected Task<HttpResponseMessage> LoginMfaAsync(string challenge, string code) =>
        PostAsync("/api/v1/auth/login/mfa", new { mfaChallenge = challenge, code });

    /// <summary>
    /// An enabled virtual MFA device for a principal (a user id, or the account id for root), inserted directly
    /// with its seed protected as the service protects seeds; returns the seed for computing codes.
    /// </summary>
    protected async Task<byte[]> AddEnabledMfaDeviceAsync(string principalId)
    {
        var seed = KeyGeneration.GenerateRandomKey(20);
        await using var scope = Factory.Services.CreateAsyncScope();
        var protector = scope.ServiceProvider.GetRequiredService<MfaSeedProtector>();
        var db = scope.ServiceProvider.GetRequiredService<Data.IamDbContext>();
        var now = Clock.GetUtcNow();
        db.MfaDevices.Add(new MfaDevice(principalId, Unique("device"), protector.Protect(seed), now)
        {
            EnableDate = now,
        });
        await db.SaveChangesAsync();
        return seed;
    }

    /// <summary>The TOTP code of the current 30-second step or of a neighbouring one (RFC 6238, as IAM uses).</summary>
    protected string Code(byte[] seed, int stepOffset = 0) =>
        new Totp(seed).ComputeTotp(
            Clock.GetUtcNow().UtcDateTime.AddSeconds(stepOffset * TotpVerifier.StepSeconds));

    /// <summary>Moves a user's password change back in time, as if it had been set that long ago.</summary>
    protected Task AgePasswordAsync(string userId, TimeSpan age) => WithDbAsync(db =>
        db.LoginProfiles.Where(p => p.UserId == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.PasswordLastChanged, Clock.GetUtcNow() - age)));

    protected static async Task<JsonElement> ViolationsAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "PasswordPolicyViolation");
        return problem.GetProperty("violations");
    }

    protected static List<string> Rules(JsonElement violations) =>
        [.. violations.EnumerateArray().Select(v => v.GetProperty("rule").GetString()!)];
}
