using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Tests.SignIn;

/// <summary>The per-address budget of sign-in requests (three a minute here), password and MFA steps alike.</summary>
public sealed class SignInRateLimitTests : SignInTestBase
{
    protected override string RequestsPerMinute => "3";

    [Fact]
    public async Task Past_the_budget_an_address_gets_a_429_problem_and_other_addresses_do_not()
    {
        var userName = Unique("rate");
        await CreateUserWithPasswordAsync(userName);
        using var busy = ClientFrom("192.0.2.10");
        using var other = ClientFrom("192.0.2.11");

        await OkAsync(await busy.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = GoodPassword }));
        await ProblemAsync(
            await busy.PostAsJsonAsync("/api/v1/auth/login/mfa", new { mfaChallenge = "none", code = "123456" }),
            HttpStatusCode.Unauthorized, "InvalidAuthenticationCode");
        await ProblemAsync(
            await busy.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = OtherGoodPassword }),
            HttpStatusCode.Unauthorized, "NotAuthenticated");

        var throttled = await busy.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = GoodPassword });

        var problem = await ProblemAsync(throttled, HttpStatusCode.TooManyRequests, "Throttling");
        Assert.Contains(
            "Too many sign-in requests", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var retryAfter = int.Parse(throttled.Headers.RetryAfter!.ToString(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        await OkAsync(await other.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = GoodPassword }));
        // The throttled attempt never reached the sign-in: two attempts from the busy address are recorded.
        var recorded = await WithDbAsync(db => db.SignInEvents.CountAsync(e => e.SourceIp == "192.0.2.10"));
        Assert.Equal(2, recorded);
    }

    [Fact]
    public async Task The_budget_covers_only_the_sign_in_endpoints()
    {
        using var client = ClientFrom("192.0.2.20");

        for (var i = 0; i < 5; i++)
        {
            await OkAsync(await client.GetAsync("/api/v1/users"));
        }
    }
}
