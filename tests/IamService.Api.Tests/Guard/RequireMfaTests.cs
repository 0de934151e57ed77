using System.Net;
using System.Net.Http.Json;
using OtpNet;

namespace IamService.Api.Tests.Guard;

/// <summary>
/// With the account setting requireMfa on, a user without an enabled MFA device may only enrol one and change
/// their password, whatever their policies allow; root is not held to it.
/// </summary>
public sealed class RequireMfaTests : GuardTestBase
{
    [Fact]
    public async Task Until_a_device_is_enabled_a_user_may_only_enrol_one_and_change_their_password()
    {
        var admin = await UserWithPoliciesAsync("admin", Allow("*"));
        var other = Unique("other");
        await CreateUserAsync(other);
        await OkAsync(await PutAsync("/api/v1/account/settings", new { requireMfa = true }));
        using var user = await SignedInAsync(admin);

        var refused = await ProblemAsync(
            await user.GetAsync("/api/v1/users"), HttpStatusCode.Forbidden, "AccessDenied");
        Assert.Contains("enrol an MFA device", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAsync(
            await user.PostAsJsonAsync($"/api/v1/users/{other}/mfa-devices", new { deviceName = Unique("d") }),
            HttpStatusCode.Forbidden, "AccessDenied");
        await ProblemAsync(
            await user.GetAsync($"/api/v1/users/{admin}/mfa-devices"), HttpStatusCode.Forbidden, "AccessDenied");
        await OkAsync(await Client.GetAsync("/api/v1/users"));

        var device = Unique("d");
        var created = await CreatedAsync(user, $"/api/v1/users/{admin}/mfa-devices", new { deviceName = device });
        var seed = Base32Encoding.ToBytes(created.GetProperty("base32StringSeed").GetString()!);
        await OkAsync(await user.PostAsJsonAsync(
            $"/api/v1/users/{admin}/mfa-devices/{device}/enable",
            new { authenticationCode1 = Code(seed, -1), authenticationCode2 = Code(seed) }));

        await OkAsync(await user.GetAsync("/api/v1/users"));
        await OkAsync(
            await user.PostAsJsonAsync(
                "/api/v1/auth/change-password", new { oldPassword = GoodPassword, newPassword = OtherGoodPassword }),
            HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_user_without_a_device_may_still_change_their_password()
    {
        var userName = await UserWithPoliciesAsync("changer", Allow("*"));
        await OkAsync(await PutAsync("/api/v1/account/settings", new { requireMfa = true }));
        using var user = await SignedInAsync(userName);

        await ProblemAsync(await user.GetAsync($"/api/v1/users/{userName}"), HttpStatusCode.Forbidden, "AccessDenied");
        await OkAsync(
            await user.PostAsJsonAsync(
                "/api/v1/auth/change-password", new { oldPassword = GoodPassword, newPassword = OtherGoodPassword }),
            HttpStatusCode.NoContent);
    }
}
