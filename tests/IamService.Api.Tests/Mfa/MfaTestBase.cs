using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IamService.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace IamService.Api.Tests.Mfa;

/// <summary>
/// The API on a clock the test moves, so that TOTP steps are chosen rather than waited for. The clock starts
/// five seconds into the current real 30-second step, close enough to real time for tokens to stay valid.
/// </summary>
public abstract class MfaTestBase : ApiTestBase
{
    private WebApplicationFactory<Program>? _clocked;

    protected MfaTestBase()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now - (now % 30) + 5));
    }

    protected FakeTimeProvider Clock { get; }

    /// <summary>The 30-second step the service's clock is in.</summary>
    protected long Step => Clock.GetUtcNow().ToUnixTimeSeconds() / 30;

    /// <summary>The host whose clock is <see cref="Clock"/>, on the same database as the base class's host.</summary>
    protected WebApplicationFactory<Program> Host => _clocked ??= Factory.WithWebHostBuilder(builder =>
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        }));

    /// <summary>A client of the clocked host signed in as root.</summary>
    protected async Task<HttpClient> RootClientAsync()
    {
        using var anonymous = Host.CreateClient();
        var login = await anonymous.PostAsJsonAsync(
            "/api/v1/auth/login", new { userName = "root", password = RootPassword });
        var token = (await OkAsync(login)).GetProperty("accessToken").GetString()!;
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>The code an authenticator app with this seed shows during the given step.</summary>
    protected static string Code(string base32Seed, long step) =>
        new Totp(Base32Encoding.ToBytes(base32Seed)).ComputeTotp(DateTime.UnixEpoch.AddSeconds(step * 30));

    /// <summary>A six-digit code that no step from two before to two after the given one shows.</summary>
    protected static string WrongCode(string base32Seed, long step)
    {
        var used = Enumerable.Range(-2, 5).Select(d => Code(base32Seed, step + d)).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, 10).Select(i => new string((char)('0' + i), 6)).First(c => !used.Contains(c));
    }

    protected static async Task<(JsonElement Body, string Seed)> CreateDeviceAsync(
        HttpClient client,
        string uri,
        string name)
    {
        var body = await OkAsync(await client.PostAsJsonAsync(uri, new { deviceName = name }), HttpStatusCode.Created);
        return (body, body.GetProperty("base32StringSeed").GetString()!);
    }

    protected static Task<HttpResponseMessage> SendCodesAsync(
        HttpClient client,
        string uri,
        string code1,
        string code2) =>
        client.PostAsJsonAsync(uri, new { authenticationCode1 = code1, authenticationCode2 = code2 });
}
