using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace IamService.Api.Tests.SignIn;

/// <summary>
/// Expired passwords (maxPasswordAge, hardExpiry) and passwords an administrator asked to reset: sign-in then
/// gives a token that can only change the password, or nothing at all under hard expiry.
/// </summary>
public sealed class PasswordChangeRequiredTests : SignInTestBase
{
    [Fact]
    public async Task A_password_older_than_maxPasswordAge_signs_in_with_a_password_change_only_token()
    {
        // allowUsersToChangePassword is off: changing an expired password is allowed all the same.
        await SetPolicyAsync(new { maxPasswordAge = 30 });
        var userName = Unique("exp");
        var userId = await CreateUserWithPasswordAsync(userName);

        await AgePasswordAsync(userId, TimeSpan.FromDays(29));
        var young = await OkAsync(await LoginAsync(userName, GoodPassword));
        Assert.False(young.TryGetProperty("passwordChangeRequired", out _));

        await AgePasswordAsync(userId, TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        var expired = await OkAsync(await LoginAsync(userName, GoodPassword));

        Assert.True(expired.GetProperty("passwordChangeRequired").GetBoolean());
        var token = expired.GetProperty("accessToken").GetString()!;
        Assert.Equal("passwordChange", new JsonWebToken(token).GetClaim("knd").Value);
        await ChangeWithOnlyTokenAsync(userName, token);
    }

    [Fact]
    public async Task A_password_change_token_cannot_call_any_other_endpoint()
    {
        var userName = Unique("exp");
        await CreateUserAsync(userName);
        await PutLoginProfileAsync(userName, GoodPassword, resetRequired: true);
        var token = (await OkAsync(await LoginAsync(userName, GoodPassword))).GetProperty("accessToken").GetString()!;
        using var client = ClientWithToken(token);

        // Root may read users; the token must not even get as far as the user's own policies.
        await OkAsync(await Client.GetAsync("/api/v1/users"));
        await ProblemAsync(await client.GetAsync("/api/v1/users"), HttpStatusCode.Forbidden, "AccessDenied");
        await ProblemAsync(
            await client.GetAsync($"/api/v1/users/{userName}/login-profile"), HttpStatusCode.Forbidden, "AccessDenied");
        var problem = await ProblemAsync(
            await client.PutAsJsonAsync(
                $"/api/v1/users/{userName}/login-profile", new { password = OtherGoodPassword }),
            HttpStatusCode.Forbidden, "AccessDenied");
        Assert.Contains("change-password", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAsync(
            await client.PutAsJsonAsync("/api/v1/account/password-policy", new { }),
            HttpStatusCode.Forbidden, "AccessDenied");
        // The forbidden calls changed nothing: the old password is still the one that signs in.
        var stillOld = await OkAsync(await LoginAsync(userName, GoodPassword));
        Assert.True(stillOld.GetProperty("passwordChangeRequired").GetBoolean());
    }

    [Fact]
    public async Task A_password_change_token_lasts_a_quarter_of_an_hour()
    {
        var userName = Unique("exp");
        await CreateUserAsync(userName);
        await PutLoginProfileAsync(userName, GoodPassword, resetRequired: true);
        var login = await OkAsync(await LoginAsync(userName, GoodPassword));
        Assert.Equal(Clock.GetUtcNow() + TimeSpan.FromMinutes(15), login.GetProperty("expiresAt").GetDateTimeOffset(),
            TimeSpan.FromMilliseconds(1));
        using var client = ClientWithToken(login.GetProperty("accessToken").GetString()!);

        // Past its expiry and the half-minute of clock skew that tokens are allowed.
        Clock.Advance(TimeSpan.FromMinutes(16));

        var late = await client.PostAsJsonAsync(
            "/api/v1/auth/change-password", new { oldPassword = GoodPassword, newPassword = OtherGoodPassword });
        var problem = await ProblemAsync(late, HttpStatusCode.Unauthorized, "NotAuthenticated");
        Assert.Contains("expired", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await OkAsync(await LoginAsync(userName, GoodPassword));
    }

    [Fact]
    public async Task Password_reset_required_lasts_until_the_user_changes_the_password()
    {
        await SetPolicyAsync(new { allowUsersToChangePassword = false });
        var userName = Unique("rst");
        await CreateUserAsync(userName);
        var created = await PutLoginProfileAsync(userName, GoodPassword, resetRequired: true);
        Assert.True(created.GetProperty("passwordResetRequired").GetBoolean());

        var first = await OkAsync(await LoginAsync(userName, GoodPassword));
        Assert.True(first.GetProperty("passwordChangeRequired").GetBoolean());

        await ChangeWithOnlyTokenAsync(userName, first.GetProperty("accessToken").GetString()!);
        var profile = await GetJsonAsync($"/api/v1/users/{userName}/login-profile");
        Assert.False(profile.GetProperty("passwordResetRequired").GetBoolean());
    }

    [Fact]
    public async Task An_administrator_can_require_a_reset_of_an_existing_password_without_changing_it()
    {
        var userName = Unique("rst");
        await CreateUserWithPasswordAsync(userName);

        var updated = await Client.PutAsJsonAsync(
            $"/api/v1/users/{userName}/login-profile", new { passwordResetRequired = true });

        Assert.True((await OkAsync(updated)).GetProperty("passwordResetRequired").GetBoolean());
        var login = await OkAsync(await LoginAsync(userName, GoodPassword));
        Assert.True(login.GetProperty("passwordChangeRequired").GetBoolean());
    }

    [Fact]
    public async Task Under_hard_expiry_an_expired_password_cannot_sign_in_until_an_administrator_resets_it()
    {
        await SetPolicyAsync(new { maxPasswordAge = 10, hardExpiry = true, allowUsersToChangePassword = true });
        var userName = Unique("hard");
        var userId = await CreateUserWithPasswordAsync(userName);
        await AgePasswordAsync(userId, TimeSpan.FromDays(11));

        var refused = await ProblemAsync(
            await LoginAsync(userName, GoodPassword), HttpStatusCode.Forbidden, "PasswordExpired");
        Assert.False(refused.TryGetProperty("accessToken", out _));

        await PutLoginProfileAsync(userName, OtherGoodPassword, expected: HttpStatusCode.OK);
        var login = await OkAsync(await LoginAsync(userName, OtherGoodPassword));
        Assert.False(login.TryGetProperty("passwordChangeRequired", out _));
    }

    [Fact]
    public async Task A_wrong_password_for_an_expired_password_is_just_a_wrong_password()
    {
        await SetPolicyAsync(new { maxPasswordAge = 10, hardExpiry = true });
        var userName = Unique("hard");
        var userId = await CreateUserWithPasswordAsync(userName);
        await AgePasswordAsync(userId, TimeSpan.FromDays(11));

        // Telling "expired" to someone without the password would confirm that the user exists.
        await ProblemAsync(
            await LoginAsync(userName, OtherGoodPassword), HttpStatusCode.Unauthorized, "NotAuthenticated");
    }

    /// <summary>
    /// Changes the password with a password-change token; the token then stops working and the new password
    /// signs in normally, with a token that works beyond change-password.
    /// </summary>
    private async Task ChangeWithOnlyTokenAsync(string userName, string token)
    {
        using var client = ClientWithToken(token);
        var wrongOld = await client.PostAsJsonAsync(
            "/api/v1/auth/change-password", new { oldPassword = ThirdGoodPassword, newPassword = OtherGoodPassword });
        await ProblemAsync(wrongOld, HttpStatusCode.BadRequest, "InvalidInput");

        var changed = await client.PostAsJsonAsync(
            "/api/v1/auth/change-password", new { oldPassword = GoodPassword, newPassword = OtherGoodPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        var again = await client.PostAsJsonAsync(
            "/api/v1/auth/change-password", new { oldPassword = OtherGoodPassword, newPassword = ThirdGoodPassword });
        await ProblemAsync(again, HttpStatusCode.Unauthorized, "NotAuthenticated");
        await PutInlineAsync($"users/{userName}", "list-users", IdentityPolicy("iam:ListUsers"));
        var login = await OkAsync(await LoginAsync(userName, OtherGoodPassword));
        Assert.False(login.TryGetProperty("passwordChangeRequired", out _));
        using var signedIn = ClientWithToken(login.GetProperty("accessToken").GetString()!);
        Assert.Equal(JsonValueKind.Object, (await OkAsync(await signedIn.GetAsync("/api/v1/users"))).ValueKind);
    }
}
