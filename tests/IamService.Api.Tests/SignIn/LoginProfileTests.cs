using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IamService.Api.Tests.SignIn;

/// <summary>Users' console passwords: set, shown without the password, removed; and the reserved name root.</summary>
public sealed class LoginProfileTests : SignInTestBase
{
    [Fact]
    public async Task Put_and_get_show_the_profile_state_and_never_the_password_or_its_hash()
    {
        var userName = Unique("lp");
        await CreateUserAsync(userName);

        var created = await TryPutPasswordAsync(userName, GoodPassword);
        var createdBody = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await SignInAsync(userName, GoodPassword);
        var got = await Client.GetAsync($"/api/v1/users/{userName}/login-profile");
        var gotBody = await got.Content.ReadAsStringAsync();

        foreach (var body in new[] { createdBody, gotBody })
        {
            Assert.DoesNotContain(GoodPassword, body, StringComparison.Ordinal);
            Assert.DoesNotContain("AQAAAA", body, StringComparison.Ordinal);
            Assert.DoesNotContain("password\"", body, StringComparison.OrdinalIgnoreCase);
        }

        var profile = JsonDocument.Parse(gotBody).RootElement;
        Assert.Equal(
            ["createDate", "passwordLastChanged", "passwordLastUsed", "passwordResetRequired", "userName"],
            profile.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(userName, profile.GetProperty("userName").GetString());
        Assert.Equal(Clock.GetUtcNow(), profile.GetProperty("passwordLastUsed").GetDateTimeOffset(),
            TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Replacing_the_password_ends_the_users_sessions()
    {
        var userName = Unique("lp");
        await CreateUserWithPasswordAsync(userName);
        using var client = ClientWithToken(await SignInAsync(userName, GoodPassword));

        await PutLoginProfileAsync(userName, OtherGoodPassword, expected: HttpStatusCode.OK);

        await ProblemAsync(
            await client.PostAsync("/api/v1/auth/logout", null), HttpStatusCode.Unauthorized, "NotAuthenticated");
        await ProblemAsync(await LoginAsync(userName, GoodPassword), HttpStatusCode.Unauthorized, "NotAuthenticated");
        await SignInAsync(userName, OtherGoodPassword);
    }

    [Fact]
    public async Task Delete_removes_the_password_so_the_user_can_no_longer_sign_in()
    {
        var userName = Unique("lp");
        await CreateUserWithPasswordAsync(userName);
        using var client = ClientWithToken(await SignInAsync(userName, GoodPassword));

        Assert.Equal(HttpStatusCode.NoContent,
            (await Client.DeleteAsync($"/api/v1/users/{userName}/login-profile")).StatusCode);

        var refused = await ProblemAsync(
            await LoginAsync(userName, GoodPassword), HttpStatusCode.Unauthorized, "NotAuthenticated");
        var unknown = await ProblemAsync(
            await LoginAsync(Unique("nobody"), GoodPassword), HttpStatusCode.Unauthorized, "NotAuthenticated");
        Assert.Equal(unknown.GetProperty("detail").GetString(), refused.GetProperty("detail").GetString());
        await ProblemAsync(
            await client.PostAsync("/api/v1/auth/logout", null), HttpStatusCode.Unauthorized, "NotAuthenticated");
        await ProblemAsync(
            await Client.GetAsync($"/api/v1/users/{userName}/login-profile"), HttpStatusCode.NotFound, "NoSuchEntity");
        await ProblemAsync(
            await Client.DeleteAsync($"/api/v1/users/{userName}/login-profile"), HttpStatusCode.NotFound,
            "NoSuchEntity");
        // A new profile starts afresh.
        await PutLoginProfileAsync(userName, GoodPassword);
    }

    [Fact]
    public async Task A_new_profile_needs_a_password_and_an_unknown_user_has_none()
    {
        var userName = Unique("lp");
        await CreateUserAsync(userName);

        await ProblemAsync(
            await Client.PutAsJsonAsync(
                $"/api/v1/users/{userName}/login-profile", new { passwordResetRequired = true }),
            HttpStatusCode.BadRequest, "ValidationError");
        await ProblemAsync(
            await Client.GetAsync($"/api/v1/users/{userName}/login-profile"), HttpStatusCode.NotFound, "NoSuchEntity");
        await ProblemAsync(
            await TryPutPasswordAsync(Unique("nobody"), GoodPassword),
            HttpStatusCode.NotFound, "NoSuchEntity");
    }

    [Fact]
    public async Task A_user_with_a_password_is_a_DeleteConflict_and_force_removes_the_password_and_sessions()
    {
        var userName = Unique("lp");
        await CreateUserWithPasswordAsync(userName);
        using var client = ClientWithToken(await SignInAsync(userName, GoodPassword));

        var conflict = await ProblemAsync(
            await Client.DeleteAsync($"/api/v1/users/{userName}"), HttpStatusCode.Conflict, "DeleteConflict");
        Assert.True(conflict.GetProperty("remaining").TryGetProperty("loginProfile", out _));

        Assert.Equal(HttpStatusCode.NoContent,
            (await Client.DeleteAsync($"/api/v1/users/{userName}?force=true")).StatusCode);
        await ProblemAsync(
            await client.PostAsync("/api/v1/auth/logout", null), HttpStatusCode.Unauthorized, "NotAuthenticated");
        await ProblemAsync(await LoginAsync(userName, GoodPassword), HttpStatusCode.Unauthorized, "NotAuthenticated");
        // The name is free again, with no password left behind.
        await CreateUserAsync(userName);
        await ProblemAsync(
            await Client.GetAsync($"/api/v1/users/{userName}/login-profile"), HttpStatusCode.NotFound, "NoSuchEntity");
    }

    [Theory]
    [InlineData("root")]
    [InlineData("Root")]
    [InlineData("ROOT")]
    public async Task No_user_may_be_named_root_in_any_case(string name)
    {
        await ProblemAsync(
            await PostAsync("/api/v1/users", new { userName = name }), HttpStatusCode.BadRequest, "InvalidInput");

        var userName = Unique("lp");
        await CreateUserAsync(userName);
        await ProblemAsync(
            await PatchAsync($"/api/v1/users/{userName}", new { newUserName = name }),
            HttpStatusCode.BadRequest, "InvalidInput");
    }
}
