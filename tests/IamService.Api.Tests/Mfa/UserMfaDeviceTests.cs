using System.Net;
using System.Net.Http.Json;
using IamService.Api.Mfa;
using IamService.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace IamService.Api.Tests.Mfa;

public sealed class UserMfaDeviceTests : MfaTestBase
{
    [Fact]
    public async Task Create_returns_the_seed_its_otpauth_uri_and_qr_codes_and_a_pending_device()
    {
        using var client = await RootClientAsync();
        var user = await NewUserAsync(client);
        var accountId = await AccountIdAsync();

        var (body, seed) = await CreateDeviceAsync(client, Devices(user), "phone");

        var device = body.GetProperty("device");
        Assert.Equal(user, device.GetProperty("userName").GetString());
        Assert.Equal($"arn:aws:iam::{accountId}:mfa/phone", device.GetProperty("serialNumber").GetString());
        Assert.False(device.TryGetProperty("enableDate", out _), "a new device is pending");
        Assert.Equal(20, Base32Encoding.ToBytes(seed).Length);
        var uri = body.GetProperty("otpauthUri").GetString()!;
        Assert.StartsWith($"otpauth://totp/IamService:{accountId}%3A{user}?", uri, StringComparison.Ordinal);
        Assert.Contains($"secret={seed}&", uri, StringComparison.Ordinal);
        Assert.Contains("issuer=IamService", uri, StringComparison.Ordinal);
        var png = Convert.FromBase64String(body.GetProperty("qrCodePng").GetString()!);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Contains("<svg", body.GetProperty("qrCodeSvg").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seed_is_never_returned_again_by_list_enable_or_a_failed_create()
    {
        using var client = await RootClientAsync();
        var user = await NewUserAsync(client);
        var (_, seed) = await CreateDeviceAsync(client, Devices(user), "phone");

        var listed = await client.GetStringAsync(Devices(user));
        var enabled = await (await EnableNowAsync(client, user, seed)).Content.ReadAsStringAsync();
        var refused = await (await client.PostAsJsonAsync(Devices(user), new { deviceName = "phone" }))
            .Content.ReadAsStringAsync();

        Assert.All([listed, enabled, refused], body => Assert.DoesNotContain(seed, body, StringComparison.Ordinal));
        Assert.DoesNotContain("base32StringSeed", listed, StringComparison.Ordinal);
        Assert.Contains("\"enableDate\"", enabled, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seed_is_stored_encrypted_and_only_the_data_protector_recovers_it()
    {
        using var client = await RootClientAsync();
        var user = await NewUserAsync(client);
        var (_, seed) = await CreateDeviceAsync(client, Devices(user), Unique("enc"));
        var raw = Base32Encoding.ToBytes(seed);

        var stored = await WithHostDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Name == user).Select(u => u.Id).SingleAsync();
            return await db.MfaDevices.Where(d => d.PrincipalId == userId).Select(d => d.ProtectedSeed).SingleAsync();
        });

        Assert.DoesNotContain(seed, stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(raw), stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(raw), Convert.ToHexString(Convert.FromBase64String(stored)),
            StringComparison.Ordinal);
        Assert.Equal(raw, Host.Services.GetRequiredService<MfaSeedProtector>().Unprotect(stored));
    }

    [Fact]
    public async Task Enable_with_two_consecutive_codes_enables_the_device_at_the_current_time()
    {
        using var client = await RootClientAsync();
        var user = await NewUserAsync(client);
        var (_, seed) = await CreateDeviceAsync(client, Devices(user), "phone");

        var enabled = await OkAsync(await EnableNowAsync(client, user, seed));

        Assert.Equal(Clock.GetUtcNow(), enabled.GetProperty("enableDate").GetDateTimeOffset());
        var listed = (await OkAsync(await client.GetAsync(Devices(user)))).GetProperty("mfaDevices");
        var listedDate = Assert.Single(listed.EnumerateArray()).GetProperty("enableDate").GetDateTimeOffset();
        Assert.Equal(Clock.GetUtcNow(), listedDate);
    }

    [Fact]
    public async Task Enable_accepts_the_current_and_the_next_step_too()
    {
        using var client = await RootClientAsync();
        var user = await NewUserAsync(client);
        var (_, seed) = await CreateDeviceAsync(client, Devices(user), "phone");

        await OkAsync(await SendCodesAsync(
            client, $"{Devices(user)}/phone/enable", Code(seed, Step), Code(seed, Step + 1)));
    }

    public static TheoryData<string, int, int> RefusedPairs => new()
    {
        { "two steps apart", -1, 1 },
        { "in reverse order", 0, -1 },
        { "the same code twice", 0, 0 },
        { "outside the window", -3, -2 },
        { "ahead of the window", 1, 2 },
    };

    [Theory]
    [MemberData(nameof(RefusedPairs))]
    public async Task Enable_refuses_codes_that_are_not_two_consecutive_current_ones(string why, int first, int second)
    {
        using var client = await RootClientAsync();
        var user = await NewUserAsync(client);
        var (_, seed) = await CreateDeviceAsync(client, Devices(user), "phone");

        var response = await SendCodesAsync(
            client, $"{Devices(user)}/phone/enable", Code(seed, Step + first), Code(seed, Step + second));

        await ProblemAsync(response, HttpStatusCode.BadRequest, "InvalidAuthenticationCode");
        Assert.False(await IsEnabledAsync(client, user, "phone"), why);
    }

    [Fact]
    public async Task Enable_refuses_a_wrong_code_and_a_code_from_another_seed()
    {
        using var client = await RootClientAsync();
        var user = await NewUserAsync(client);
        var (_, seed) = await CreateDeviceAsync(client, Devices(user), "phone");
        var otherSeed = Base32Encoding.ToString(new byte[20]);

        var wrongFirst = await SendCodesAsync(
            client, $"{Devices(user)}/phone/enable", WrongCode(seed, Step), Code(seed, Step));
        var wrongSecond = await SendCodesAsync(
            client, $"{Devices(user)}/phone/enable", Code(seed, Step - 1), WrongCode(seed, Step));
        var foreign = await SendCodesAsync(
            client, $"{Devices(user)}/phone/enable", Code(otherSeed, Step - 1), Code(otherSeed, Step));

        await ProblemAsync(wrongFirst, HttpStatusCode.BadRequest, "InvalidAuthenticationCode");
        await ProblemAsync(wrongSecond, HttpStatusCode.BadRequest, "InvalidAuthenticationCode");
        await ProblemAsync(foreign, HttpStatusCode.BadRequest, "InvalidAuthenticationCode");
        Assert.False(await IsEnabledAsync(client, user, "phone"));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    public async Task Enable_answers_a_malformed_code_with_a_validation_error(string code)
    {
        using var client = await RootClientAsync();
        var user = await NewUserAsync(client);
        var (_, seed) = await CreateDeviceAsync(client, Devices(user), "phone");

        var response = await SendCodesAsync(client, $"{Devices(user)}/phone/enable", code, Code(seed, Step));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "ValidationError");
        Assert.Contains("authenticationCode1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Codes_used_to_enable_cannot_sign_in_but_the_next_code_can_once()
    {
        using var client = await RootClientAsync();
        var user = await NewUserAsync(client);
        var (_, seed) = await CreateDeviceAsync(client, Devices(user), "phone");
        var enabledAt = Step;
        await OkAsync(await SendCodesAsync(
            client, $"{Devices(user)}/phone/enable", Code(seed, enabledAt - 1), Code(seed, enabledAt)));

        var usedEarlier = await VerifyAndConsumeAsync(user, Code(seed, enabledAt - 1));
        var usedLater = await VerifyAndConsumeAsync(user, Code(seed, enabledAt));
        var next = await VerifyAndConsumeAsync(user, Code(seed, enabledAt + 1));
        var replayed = await VerifyAndConsumeAsync(user, Code(seed, enabledAt + 1));

        Assert.False(usedEarlier, "the first enable code is spent");
        Assert.False(usedLater, "the second enable code is spent");
        Assert.True(next, "the following step's code signs in");
        Assert.False(replayed, "a code signs in once");
    }

    [Fact]
    public async Task Resync_takes_two_unused_consecutive_codes_and_spends_them()
    {
        using var client = await RootClientAsync();
        var user = await NewUserAsync(client);
        var (_, seed) = await CreateDeviceAsync(client, Devices(user), "phone");
        var resync = $"{Devices(user)}/phone/resync";
        var enabledAt = Step;
        await OkAsync(await SendCodesAsync(
            client, $"{Devices(user)}/phone/enable", Code(seed, enabledAt - 1), Code(seed, enabledAt)));

        var reused = await SendCodesAsync(client, resync, Code(seed, enabledAt - 1), Code(seed, enabledAt));
        var halfReused = await SendCodesAsync(client, resync, Code(seed, enabledAt), Code(seed, enabledAt + 1));
        Clock.Advance(TimeSpan.FromSeconds(60));
        var fresh = await SendCodesAsync(client, resync, Code(seed, enabledAt + 1), Code(seed, enabledAt + 2));
        var again = await SendCodesAsync(client, resync, Code(seed, enabledAt + 1), Code(seed, enabledAt + 2));

        await ProblemAsync(reused, HttpStatusCode.BadRequest, "InvalidAuthenticationCode");
        await ProblemAsync(halfReused, HttpStatusCode.BadRequest, "InvalidAuthenticationCode");
        Assert.Equal(HttpStatusCode.NoContent, fresh.StatusCode);
        await ProblemAsync(again, HttpStatusCode.BadRequest, "InvalidAuthenticationCode");
        Assert.False(await VerifyAndConsumeAsync(user, Code(seed, enabledAt + 2)), "resync spent its later code");
        Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await VerifyAndConsumeAsync(user, Code(seed, enabledAt + 3)));
    }

    [Fact]
    public async Task Resync_of_a_pending_device_is_not_found()
    {
        using var client = await RootClientAsync();
        var user = await NewUserAsync(client);
        var (_, seed) = await CreateDeviceAsync(client, Devices(user), "phone");

        var response = await SendCodesAsync(
            client, $"{Devices(user)}/phone/resync", Code(seed, Step - 1), Code(seed, Step));

        await ProblemAsync(response, HttpStatusCode.NotFound, "NoSuchEntity");
    }

    [Fact]
    public async Task A_pending_device_is_replaced_by_a_new_create_with_a_new_seed()
    {
        using var client = await RootClientAsync();
        var user = await NewUserAsync(client);
        var (_, first) = await CreateDeviceAsync(client, Devices(user), "phone");

        var (_, second) = await CreateDeviceAsync(client, Devices(user), "PHONE");
        var (_, third) = await CreateDeviceAsync(client, Devices(user), "tablet");

        Assert.NotEqual(first, second);
        Assert.NotEqual(second, third);
        var listed = await OkAsync(await client.GetAsync(Devices(user)));
        Assert.Equal(["tablet"], Names(listed, "mfaDevices", "deviceName"));
        var oldCodes = await SendCodesAsync(
            client, $"{Devices(user)}/tablet/enable", Code(second, Step - 1), Code(second, Step));
        await ProblemAsync(oldCodes, HttpStatusCode.BadRequest, "InvalidAuthenticationCode");
    }

    [Fact]
    public async Task Enabling_an_enabled_device_is_a_conflict()
    {
        using var client = await RootClientAsync();
        var user = await NewUserAsync(client);
        var (_, seed) = await CreateDeviceAsync(client, Devices(user), "phone");
        await OkAsync(await EnableNowAsync(client, user, seed));
        Clock.Advance(TimeSpan.FromSeconds(60));

        var response = await EnableNowAsync(client, user, seed);

        await ProblemAsync(response, HttpStatusCode.Conflict, "EntityAlreadyExists");
    }

    [Fact]
    public async Task A_second_device_beyond_the_limit_of_one_is_refused()
    {
        using var client = await RootClientAsync();
        var user = await NewUserAsync(client);
        var (_, seed) = await CreateDeviceAsync(client, Devices(user), "phone");
        await OkAsync(await EnableNowAsync(client, user, seed));

        var response = await client.PostAsJsonAsync(Devices(user), new { deviceName = "tablet" });

        await ProblemAsync(response, HttpStatusCode.Conflict, "LimitExceeded");
    }

    [Fact]
    public async Task A_device_name_is_unique_in_the_account_regardless_of_case()
    {
        using var client = await RootClientAsync();
        var alice = await NewUserAsync(client);
        var bob = await NewUserAsync(client);
        var name = Unique("shared");
        await CreateDeviceAsync(client, Devices(alice), name);

        var response = await client.PostAsJsonAsync(Devices(bob), new { deviceName = name.ToUpperInvariant() });

        await ProblemAsync(response, HttpStatusCode.Conflict, "EntityAlreadyExists");
        Assert.Equal([name], Names(await OkAsync(await client.GetAsync(Devices(alice))), "mfaDevices", "deviceName"));
    }

    [Fact]
    public async Task Delete_removes_an_enabled_device_and_a_second_delete_is_not_found()
    {
        using var client = await RootClientAsync();
        var user = await NewUserAsync(client);
        var (_, seed) = await CreateDeviceAsync(client, Devices(user), "phone");
        await OkAsync(await EnableNowAsync(client, user, seed));

        var deleted = await client.DeleteAsync($"{Devices(user)}/Phone");
        var again = await client.DeleteAsync($"{Devices(user)}/phone");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAsync(again, HttpStatusCode.NotFound, "NoSuchEntity");
        Assert.Empty((await OkAsync(await client.GetAsync(Devices(user)))).GetProperty("mfaDevices").EnumerateArray());
        Assert.Equal(0, await WithHostDbAsync(db =>
            db.MfaDevices.CountAsync(d => db.Users.Any(u => u.Name == user && u.Id == d.PrincipalId))));
    }

    [Fact]
    public async Task Unknown_users_and_devices_are_not_found()
    {
        using var client = await RootClientAsync();
        var user = await NewUserAsync(client);
        var nobody = Unique("nobody");

        await ProblemAsync(
            await client.PostAsJsonAsync(Devices(nobody), new { deviceName = "phone" }),
            HttpStatusCode.NotFound, "NoSuchEntity");
        await ProblemAsync(await client.GetAsync(Devices(nobody)), HttpStatusCode.NotFound, "NoSuchEntity");
        await ProblemAsync(
            await SendCodesAsync(client, $"{Devices(user)}/none/enable", "123456", "654321"),
            HttpStatusCode.NotFound, "NoSuchEntity");
        await ProblemAsync(
            await SendCodesAsync(client, $"{Devices(user)}/none/resync", "123456", "654321"),
            HttpStatusCode.NotFound, "NoSuchEntity");
        await ProblemAsync(await client.DeleteAsync($"{Devices(user)}/none"), HttpStatusCode.NotFound, "NoSuchEntity");
    }

    [Fact]
    public async Task Another_users_device_is_not_found_under_this_user()
    {
        using var client = await RootClientAsync();
        var alice = await NewUserAsync(client);
        var bob = await NewUserAsync(client);
        var name = Unique("alices");
        await CreateDeviceAsync(client, Devices(alice), name);

        var deleted = await client.DeleteAsync($"{Devices(bob)}/{name}");

        await ProblemAsync(deleted, HttpStatusCode.NotFound, "NoSuchEntity");
        Assert.Equal([name], Names(await OkAsync(await client.GetAsync(Devices(alice))), "mfaDevices", "deviceName"));
    }

    [Fact]
    public async Task A_device_name_breaking_iams_pattern_is_a_validation_error()
    {
        using var client = await RootClientAsync();
        var user = await NewUserAsync(client);

        var response = await client.PostAsJsonAsync(Devices(user), new { deviceName = "my phone" });

        await ProblemAsync(response, HttpStatusCode.BadRequest, "ValidationError");
    }

    private static string Devices(string userName) => $"/api/v1/users/{userName}/mfa-devices";

    /// <summary>Enables the user's device "phone" with the codes of the previous and the current step.</summary>
    private Task<HttpResponseMessage> EnableNowAsync(HttpClient client, string user, string seed) =>
        SendCodesAsync(client, $"{Devices(user)}/phone/enable", Code(seed, Step - 1), Code(seed, Step));

    private static async Task<string> NewUserAsync(HttpClient client)
    {
        var name = Unique("mfa");
        await OkAsync(await client.PostAsJsonAsync("/api/v1/users", new { userName = name }), HttpStatusCode.Created);
        return name;
    }

    private static async Task<bool> IsEnabledAsync(HttpClient client, string user, string deviceName)
    {
        var listed = await OkAsync(await client.GetAsync(Devices(user)));
        var device = listed.GetProperty("mfaDevices").EnumerateArray()
            .Single(d => d.GetProperty("deviceName").GetString() == deviceName);
        return device.TryGetProperty("enableDate", out _);
    }

    private async Task<T> WithHostDbAsync<T>(Func<IamDbContext, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IamDbContext>());
    }

    /// <summary>What sign-in does with a code: the core verifier on the clocked host, with replay protection.</summary>
    private async Task<bool> VerifyAndConsumeAsync(string userName, string code)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IamDbContext>();
        var userId = await db.Users.Where(u => u.Name == userName).Select(u => u.Id).SingleAsync();
        var device = await db.MfaDevices.AsNoTracking()
            .SingleAsync(d => d.PrincipalId == userId && d.EnableDate != null);
        return await scope.ServiceProvider.GetRequiredService<TotpVerifier>()
            .VerifyAndConsumeAsync(device, code, CancellationToken.None);
    }
}
