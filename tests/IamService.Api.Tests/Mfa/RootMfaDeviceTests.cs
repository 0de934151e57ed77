using System.Net;
using System.Net.Http.Json;
using IamService.Api.Auth;
using IamService.Data.Credentials;
using Microsoft.Extensions.DependencyInjection;

namespace IamService.Api.Tests.Mfa;

public sealed class RootMfaDeviceTests : MfaTestBase
{
    private const string Devices = "/api/v1/account/root/mfa-devices";

    [Fact]
    public async Task Root_enrols_enables_resyncs_and_deletes_its_own_device()
    {
        using var root = await RootClientAsync();
        var accountId = await AccountIdAsync();

        var (created, seed) = await CreateDeviceAsync(root, Devices, "root-phone");
        var enabled = await OkAsync(await SendCodesAsync(
            root, $"{Devices}/root-phone/enable", Code(seed, Step - 1), Code(seed, Step)));
        Clock.Advance(TimeSpan.FromSeconds(60));
        var resynced = await SendCodesAsync(
            root, $"{Devices}/root-phone/resync", Code(seed, Step - 1), Code(seed, Step));
        var listed = await OkAsync(await root.GetAsync(Devices));
        var deleted = await root.DeleteAsync($"{Devices}/root-phone");

        Assert.Equal("root", created.GetProperty("device").GetProperty("userName").GetString());
        Assert.Equal($"arn:aws:iam::{accountId}:mfa/root-phone",
            created.GetProperty("device").GetProperty("serialNumber").GetString());
        Assert.StartsWith($"otpauth://totp/IamService:{accountId}%3Aroot?",
            created.GetProperty("otpauthUri").GetString(), StringComparison.Ordinal);
        Assert.True(enabled.TryGetProperty("enableDate", out _));
        Assert.Equal(HttpStatusCode.NoContent, resynced.StatusCode);
        Assert.Equal(["root-phone"], Names(listed, "mfaDevices", "deviceName"));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty((await OkAsync(await root.GetAsync(Devices))).GetProperty("mfaDevices").EnumerateArray());
    }

    [Fact]
    public async Task Roots_device_needs_a_token_and_no_one_but_root_may_manage_it()
    {
        using var root = await RootClientAsync();
        var userName = Unique("admin");
        var user = await OkAsync(
            await root.PostAsJsonAsync("/api/v1/users", new { userName }), HttpStatusCode.Created);
        using var asUser = Host.CreateClient();
        var token = await IssueTokenAsync(
            user.GetProperty("userId").GetString()!, user.GetProperty("arn").GetString()!);
        asUser.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var anonymous = Host.CreateClient();

        await ProblemAsync(
            await anonymous.PostAsJsonAsync(Devices, new { deviceName = "x" }),
            HttpStatusCode.Unauthorized, "NotAuthenticated");
        await ProblemAsync(await anonymous.GetAsync(Devices), HttpStatusCode.Unauthorized, "NotAuthenticated");
        await ProblemAsync(
            await asUser.PostAsJsonAsync(Devices, new { deviceName = "x" }), HttpStatusCode.Forbidden, "AccessDenied");
        await ProblemAsync(await asUser.GetAsync(Devices), HttpStatusCode.Forbidden, "AccessDenied");
        await ProblemAsync(await asUser.DeleteAsync($"{Devices}/x"), HttpStatusCode.Forbidden, "AccessDenied");
        Assert.Empty((await OkAsync(await root.GetAsync(Devices))).GetProperty("mfaDevices").EnumerateArray());
    }

    /// <summary>A signed-in user's token, issued directly: sign-in with a user's password is not this area's.</summary>
    private async Task<string> IssueTokenAsync(string userId, string arn)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var issuer = scope.ServiceProvider.GetRequiredService<AccessTokenIssuer>();
        var token = await issuer.IssueAsync(
            new SessionRequest(SessionKind.SignIn, userId, arn, userId)
            {
                AuthTime = Clock.GetUtcNow(),
                Method = "pwd",
            },
            CancellationToken.None);
        return token.AccessToken;
    }
}
