using System.Net;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace IamService.Api.Tests.SignIn;

/// <summary>
/// The MFA step of sign-in: a principal with an enabled device gets a challenge for the password, and a token
/// only for the challenge and a fresh code from the device. Devices are inserted with a seed protected by the
/// service's own protector, and codes are computed from the seed at the service's clock.
/// </summary>
public sealed class MfaSignInTests : SignInTestBase
{
    [Fact]
    public async Task Without_an_MFA_device_the_password_alone_gives_a_token()
    {
        var userName = Unique("mfa");
        await CreateUserWithPasswordAsync(userName);

        var login = await OkAsync(await LoginAsync(userName, GoodPassword));

        Assert.False(login.TryGetProperty("mfaRequired", out _));
        var token = new JsonWebToken(login.GetProperty("accessToken").GetString());
        Assert.Equal("pwd", token.GetClaim("amr").Value);
        Assert.False(token.TryGetClaim("mfa_time", out _));
    }

    [Fact]
    public async Task With_an_enabled_device_the_password_gives_a_challenge_and_the_code_gives_the_token()
    {
        var userName = Unique("mfa");
        var seed = await AddEnabledMfaDeviceAsync(await CreateUserWithPasswordAsync(userName));

        var first = await OkAsync(await LoginAsync(userName, GoodPassword));

        Assert.True(first.GetProperty("mfaRequired").GetBoolean());
        Assert.False(first.TryGetProperty("accessToken", out _));
        var challenge = first.GetProperty("mfaChallenge").GetString()!;
        var second = await OkAsync(await LoginMfaAsync(challenge, Code(seed)));
        var token = new JsonWebToken(second.GetProperty("accessToken").GetString());
        Assert.Equal(["pwd", "mfa"], token.Claims.Where(c => c.Type == "amr").Select(c => c.Value));
        Assert.Equal(Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            token.GetClaim("mfa_time").Value);
        using var client = ClientWithToken(token.EncodedToken);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/logout", null)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_with_a_device_gets_no_challenge()
    {
        var userName = Unique("mfa");
        await AddEnabledMfaDeviceAsync(await CreateUserWithPasswordAsync(userName));

        var refused = await ProblemAsync(
            await LoginAsync(userName, OtherGoodPassword), HttpStatusCode.Unauthorized, "NotAuthenticated");

        Assert.False(refused.TryGetProperty("mfaChallenge", out _));
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_the_challenge_still_takes_the_right_one()
    {
        var userName = Unique("mfa");
        var seed = await AddEnabledMfaDeviceAsync(await CreateUserWithPasswordAsync(userName));
        var challenge = await ChallengeAsync(userName);
        var right = Code(seed);
        var wrong = right == "123456" ? "654321" : "123456";

        await ProblemAsync(await LoginMfaAsync(challenge, wrong), HttpStatusCode.Unauthorized,
            "InvalidAuthenticationCode");
        await ProblemAsync(await LoginMfaAsync(challenge, Code(seed, stepOffset: 3)), HttpStatusCode.Unauthorized,
            "InvalidAuthenticationCode");

        await OkAsync(await LoginMfaAsync(challenge, right));
    }

    [Fact]
    public async Task A_challenge_completes_one_sign_in_only()
    {
        var userName = Unique("mfa");
        var seed = await AddEnabledMfaDeviceAsync(await CreateUserWithPasswordAsync(userName));
        var challenge = await ChallengeAsync(userName);
        await OkAsync(await LoginMfaAsync(challenge, Code(seed)));

        // A fresh, valid code (the next step's) does not reopen the used challenge.
        await ProblemAsync(await LoginMfaAsync(challenge, Code(seed, stepOffset: 1)), HttpStatusCode.Unauthorized,
            "InvalidAuthenticationCode");
    }

    [Fact]
    public async Task A_code_completes_one_sign_in_only()
    {
        var userName = Unique("mfa");
        var seed = await AddEnabledMfaDeviceAsync(await CreateUserWithPasswordAsync(userName));
        var code = Code(seed);
        await OkAsync(await LoginMfaAsync(await ChallengeAsync(userName), code));

        var replay = await ChallengeAsync(userName);

        await ProblemAsync(await LoginMfaAsync(replay, code), HttpStatusCode.Unauthorized,
            "InvalidAuthenticationCode");
        await OkAsync(await LoginMfaAsync(replay, Code(seed, stepOffset: 1)));
    }

    [Fact]
    public async Task A_challenge_expires_after_its_lifetime()
    {
        var userName = Unique("mfa");
        var seed = await AddEnabledMfaDeviceAsync(await CreateUserWithPasswordAsync(userName));

        // The default lifetime is five minutes: just inside it the challenge works...
        var inTime = await ChallengeAsync(userName);
        Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        await OkAsync(await LoginMfaAsync(inTime, Code(seed)));

        // ...and at five minutes it is gone, however good the code.
        var late = await ChallengeAsync(userName);
        Clock.Advance(TimeSpan.FromMinutes(5));
        await ProblemAsync(await LoginMfaAsync(late, Code(seed)), HttpStatusCode.Unauthorized,
            "InvalidAuthenticationCode");
    }

    [Fact]
    public async Task An_unknown_challenge_is_refused_like_a_wrong_code()
    {
        var userName = Unique("mfa");
        var seed = await AddEnabledMfaDeviceAsync(await CreateUserWithPasswordAsync(userName));
        var real = await ChallengeAsync(userName);

        var unknown = await ProblemAsync(await LoginMfaAsync(real[..^2] + "xx", Code(seed)),
            HttpStatusCode.Unauthorized, "InvalidAuthenticationCode");
        var wrong = await ProblemAsync(await LoginMfaAsync(real, Code(seed, stepOffset: 5)),
            HttpStatusCode.Unauthorized, "InvalidAuthenticationCode");

        Assert.Equal(wrong.GetProperty("detail").GetString(), unknown.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Root_with_a_device_signs_in_through_the_MFA_step_too()
    {
        var seed = await AddEnabledMfaDeviceAsync(await AccountIdAsync());
        try
        {
            var first = await OkAsync(await LoginAsync("root", RootPassword));
            Assert.True(first.GetProperty("mfaRequired").GetBoolean());

            var second = await OkAsync(await LoginMfaAsync(first.GetProperty("mfaChallenge").GetString()!, Code(seed)));

            Assert.False(second.TryGetProperty("warnings", out _));
            Assert.Equal(JsonValueKind.String, second.GetProperty("accessToken").ValueKind);
        }
        finally
        {
            var accountId = await AccountIdAsync();
            await WithDbAsync(db => db.MfaDevices.Where(d => d.PrincipalId == accountId).ExecuteDeleteAsync());
        }
    }

    private async Task<string> ChallengeAsync(string userName)
    {
        var first = await OkAsync(await LoginAsync(userName, GoodPassword));
        return first.GetProperty("mfaChallenge").GetString()!;
    }
}
