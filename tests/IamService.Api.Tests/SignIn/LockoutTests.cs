using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IamService.Data.Credentials;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Tests.SignIn;

/// <summary>
/// Lockout after too many failures in a row (three here, through <c>SignIn:MaxFailedAttempts</c>), the same for
/// names that belong to nobody, and the sign-in events behind it.
/// </summary>
public sealed partial class LockoutTests : SignInTestBase
{
    private const int MaxFailures = 3;

    protected override IReadOnlyDictionary<string, string> SignInSettings => new Dictionary<string, string>
    {
        ["SignIn:MaxFailedAttempts"] = "3",
        ["SignIn:FailureWindow"] = "00:15:00",
        ["SignIn:LockoutDuration"] = "00:15:00",
    };

    [Fact]
    public async Task After_N_failures_even_the_right_password_is_refused()
    {
        var userName = Unique("lock");
        await CreateUserWithPasswordAsync(userName);

        await FailAsync(userName, MaxFailures);

        var locked = await ProblemAsync(
            await LoginAsync(userName, GoodPassword), HttpStatusCode.Unauthorized, "NotAuthenticated");
        Assert.Equal(
            (Clock.GetUtcNow() + TimeSpan.FromMinutes(15)).ToUnixTimeSeconds(),
            locked.GetProperty("lockedUntil").GetDateTimeOffset().ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Fewer_than_N_failures_do_not_lock_and_a_success_starts_the_count_again()
    {
        var userName = Unique("lock");
        await CreateUserWithPasswordAsync(userName);

        await FailAsync(userName, MaxFailures - 1);
        await SignInAsync(userName, GoodPassword);
        await FailAsync(userName, MaxFailures - 1);

        await SignInAsync(userName, GoodPassword);
    }

    [Fact]
    public async Task A_locked_user_and_a_locked_unknown_name_get_the_same_answer_whatever_the_case()
    {
        var userName = Unique("Known");
        await CreateUserWithPasswordAsync(userName);
        var nobody = Unique("Nobody");

        await FailAsync(userName, MaxFailures);
        await FailAsync(nobody, MaxFailures);

        var known = await ProblemAsync(
            await LoginAsync(userName.ToUpperInvariant(), GoodPassword),
            HttpStatusCode.Unauthorized, "NotAuthenticated");
        var unknown = await ProblemAsync(
            await LoginAsync(nobody.ToUpperInvariant(), GoodPassword), HttpStatusCode.Unauthorized, "NotAuthenticated");
        Assert.Equal(Shape(known), Shape(unknown));
        Assert.Contains("locked", known.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lockout_ends_after_its_duration()
    {
        var userName = Unique("lock");
        await CreateUserWithPasswordAsync(userName);
        await FailAsync(userName, MaxFailures);

        Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        await ProblemAsync(await LoginAsync(userName, GoodPassword), HttpStatusCode.Unauthorized, "NotAuthenticated");
        Clock.Advance(TimeSpan.FromSeconds(1));

        // The token is read on the service's clock too, now a quarter of an hour ahead of the real one.
        using var client = ClientWithToken(await SignInAsync(userName, GoodPassword));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/logout", null)).StatusCode);
    }

    [Fact]
    public async Task Failures_spread_wider_than_the_window_do_not_lock()
    {
        var userName = Unique("lock");
        await CreateUserWithPasswordAsync(userName);

        await FailAsync(userName, MaxFailures - 1);
        Clock.Advance(TimeSpan.FromMinutes(16));
        await FailAsync(userName, 1);

        await SignInAsync(userName, GoodPassword);
    }

    [Fact]
    public async Task Wrong_MFA_codes_count_towards_the_lockout()
    {
        var userName = Unique("lock");
        var seed = await AddEnabledMfaDeviceAsync(await CreateUserWithPasswordAsync(userName));
        var challenge = (await OkAsync(await LoginAsync(userName, GoodPassword))).GetProperty("mfaChallenge")
            .GetString()!;

        for (var i = 0; i < MaxFailures; i++)
        {
            await ProblemAsync(await LoginMfaAsync(challenge, Code(seed, stepOffset: 4 + i)),
                HttpStatusCode.Unauthorized, "InvalidAuthenticationCode");
        }

        var locked = await ProblemAsync(
            await LoginMfaAsync(challenge, Code(seed)), HttpStatusCode.Unauthorized, "NotAuthenticated");
        Assert.True(locked.TryGetProperty("lockedUntil", out _));
    }

    [Fact]
    public async Task Sign_in_events_record_each_attempt_with_its_time_source_address_and_outcome()
    {
        var userName = Unique("evt");
        var userId = await CreateUserWithPasswordAsync(userName);
        using var client = ClientFrom("203.0.113.7");

        await ProblemAsync(
            await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = OtherGoodPassword }),
            HttpStatusCode.Unauthorized, "NotAuthenticated");
        Clock.Advance(TimeSpan.FromSeconds(5));
        await OkAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = GoodPassword }));

        var events = await WithDbAsync(db => db.SignInEvents.AsNoTracking()
            .Where(e => e.PrincipalId == userId).OrderBy(e => e.Id).ToListAsync());
        Assert.Collection(events,
            failed =>
            {
                Assert.False(failed.Succeeded);
                Assert.Equal("wrongPassword", failed.FailureReason);
                Assert.Equal(SignInStep.Password, failed.Step);
                Assert.Equal("203.0.113.7", failed.SourceIp);
                Assert.Equal(userName, failed.UserName);
                Assert.Equal(
                    Clock.GetUtcNow() - TimeSpan.FromSeconds(5), failed.OccurredAt, TimeSpan.FromMilliseconds(1));
            },
            succeeded =>
            {
                Assert.True(succeeded.Succeeded);
                Assert.Null(succeeded.FailureReason);
                Assert.Equal("203.0.113.7", succeeded.SourceIp);
                Assert.Equal(Clock.GetUtcNow(), succeeded.OccurredAt, TimeSpan.FromMilliseconds(1));
            });
    }

    [Fact]
    public async Task An_unknown_name_is_recorded_without_a_principal_and_never_with_the_password()
    {
        var nobody = Unique("nobody");
        using var client = ClientFrom("198.51.100.23");

        await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = nobody, password = ThirdGoodPassword });

        var recorded = await WithDbAsync(db => db.SignInEvents.AsNoTracking().SingleAsync(e => e.UserName == nobody));
        Assert.Null(recorded.PrincipalId);
        Assert.Equal("unknownUser", recorded.FailureReason);
        Assert.Equal("198.51.100.23", recorded.SourceIp);
        Assert.DoesNotContain(ThirdGoodPassword, JsonSerializer.Serialize(recorded), StringComparison.Ordinal);
    }

    private async Task FailAsync(string userName, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await ProblemAsync(
                await LoginAsync(userName, "Wrong-Guess-" + i), HttpStatusCode.Unauthorized, "NotAuthenticated");
        }
    }

    /// <summary>The answer without what differs from call to call: the time in the detail and the trace id.</summary>
    private static string Shape(JsonElement problem) =>
        TimestampRegex().Replace(problem.GetProperty("detail").GetString()!, "<time>")
        + string.Join(",", problem.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")]
    private static partial Regex TimestampRegex();
}
