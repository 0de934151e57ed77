using System.Net;
using IamService.Api.Tests.AccessKeys;
using IamService.Data.Credentials;
using Microsoft.IdentityModel.JsonWebTokens;
using OtpNet;

namespace IamService.Api.Tests.Sts;

public sealed class SessionTokenTests : CredentialTestBase
{
    [Fact]
    public async Task A_key_gets_a_session_token_of_its_user_without_MFA()
    {
        var userName = Unique("token");
        var (userId, keyId, secret) = await CreateUserWithKeyAsync(userName);

        var body = await OkAsync(await RequestSessionTokenAsync(new { accessKeyId = keyId, secretAccessKey = secret }));

        var accessToken = body.GetProperty("accessToken").GetString()!;
        Assert.False(body.GetProperty("mfaAuthenticated").GetBoolean());
        var token = new JsonWebToken(accessToken);
        Assert.Equal("sessionToken", token.GetClaim("knd").Value);
        Assert.Equal($"arn:aws:iam::{await AccountIdAsync()}:user/{userName}", token.GetClaim("arn").Value);
        Assert.Equal("key", token.GetClaim("amr").Value);
        Assert.False(token.TryGetClaim("mfa_time", out _));
        var session = await SessionOfAsync(accessToken);
        Assert.Equal(SessionKind.SessionToken, session.Kind);
        Assert.Equal(userId, session.PrincipalId);
        Assert.Equal(keyId, session.SourceAccessKeyId);
        Assert.Null(session.MfaAuthTime);
        // 12 hours when no duration is asked for, as in STS.
        Assert.Equal(TimeSpan.FromHours(12), session.ExpiresAt - session.CreatedAt);
        Assert.True(await TokenWorksAsync(accessToken));
    }

    [Fact]
    public async Task A_current_code_of_the_users_device_makes_the_session_MFA_authenticated()
    {
        var (userId, keyId, secret) = await CreateUserWithKeyAsync(Unique("mfa"));
        var (serial, seed) = await EnableMfaDeviceAsync(userId);

        var body = await OkAsync(await RequestSessionTokenAsync(new
        {
            accessKeyId = keyId,
            secretAccessKey = secret,
            serialNumber = serial,
            tokenCode = CurrentCode(seed),
        }));

        Assert.True(body.GetProperty("mfaAuthenticated").GetBoolean());
        var accessToken = body.GetProperty("accessToken").GetString()!;
        var token = new JsonWebToken(accessToken);
        Assert.True(token.TryGetClaim("mfa_time", out _));
        Assert.Contains(token.Claims, c => c.Type == "amr" && c.Value == "mfa");
        Assert.NotNull((await SessionOfAsync(accessToken)).MfaAuthTime);
    }

    [Fact]
    public async Task A_wrong_code_a_used_code_or_another_users_device_is_AccessDenied()
    {
        var (userId, keyId, secret) = await CreateUserWithKeyAsync(Unique("badmfa"));
        var (otherId, _, _) = await CreateUserWithKeyAsync(Unique("otherdev"));
        var (serial, seed) = await EnableMfaDeviceAsync(userId);
        var (otherSerial, otherSeed) = await EnableMfaDeviceAsync(otherId);
        var code = CurrentCode(seed);
        object Request(string serialNumber, string tokenCode) =>
            new { accessKeyId = keyId, secretAccessKey = secret, serialNumber, tokenCode };

        var farFromNow = new Totp(seed).ComputeTotp(DateTime.UtcNow.AddMinutes(10));
        await ProblemAsync(
            await RequestSessionTokenAsync(Request(serial, farFromNow)), HttpStatusCode.Forbidden, "AccessDenied");
        await ProblemAsync(
            await RequestSessionTokenAsync(Request(otherSerial, CurrentCode(otherSeed))),
            HttpStatusCode.Forbidden, "AccessDenied");
        await OkAsync(await RequestSessionTokenAsync(Request(serial, code)));
        await ProblemAsync(
            await RequestSessionTokenAsync(Request(serial, code)), HttpStatusCode.Forbidden, "AccessDenied");
    }

    [Fact]
    public async Task A_serial_number_without_a_code_is_InvalidInput()
    {
        var (userId, keyId, secret) = await CreateUserWithKeyAsync(Unique("half"));
        var (serial, _) = await EnableMfaDeviceAsync(userId);

        var response = await RequestSessionTokenAsync(
            new { accessKeyId = keyId, secretAccessKey = secret, serialNumber = serial });

        await ProblemAsync(response, HttpStatusCode.BadRequest, "InvalidInput");
    }

    [Fact]
    public async Task Durations_follow_STS_and_are_capped_at_twelve_hours()
    {
        var (_, keyId, secret) = await CreateUserWithKeyAsync(Unique("duration"));

        var longest = await OkAsync(await RequestSessionTokenAsync(
            new { accessKeyId = keyId, secretAccessKey = secret, durationSeconds = 129_600 }));
        var shortest = await OkAsync(await RequestSessionTokenAsync(
            new { accessKeyId = keyId, secretAccessKey = secret, durationSeconds = 900 }));
        var tooShort = await RequestSessionTokenAsync(
            new { accessKeyId = keyId, secretAccessKey = secret, durationSeconds = 899 });
        var tooLong = await RequestSessionTokenAsync(
            new { accessKeyId = keyId, secretAccessKey = secret, durationSeconds = 129_601 });

        var capped = await SessionOfAsync(longest.GetProperty("accessToken").GetString()!);
        Assert.Equal(TimeSpan.FromHours(12), capped.ExpiresAt - capped.CreatedAt);
        var fifteen = await SessionOfAsync(shortest.GetProperty("accessToken").GetString()!);
        Assert.Equal(TimeSpan.FromMinutes(15), fifteen.ExpiresAt - fifteen.CreatedAt);
        await ProblemAsync(tooShort, HttpStatusCode.BadRequest, "ValidationError");
        await ProblemAsync(tooLong, HttpStatusCode.BadRequest, "ValidationError");
    }
}
