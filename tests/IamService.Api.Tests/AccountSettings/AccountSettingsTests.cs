using System.Net;
using System.Net.Http.Json;
using System.Text;
using IamService.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Tests.AccountSettings;

public sealed class AccountSettingsTests : ApiTestBase
{
    private const string SettingsUri = "/api/v1/account/settings";

    [Fact]
    public async Task RequireMfa_is_off_by_default_and_round_trips_through_put_and_get()
    {
        using var root = ClientWithToken(await SignInAsRootAsync());

        var initial = await OkAsync(await root.GetAsync(SettingsUri));
        var turnedOn = await OkAsync(await root.PutAsJsonAsync(SettingsUri, new { requireMfa = true }));
        var readOn = await OkAsync(await root.GetAsync(SettingsUri));
        var stored = await WithDbAsync(db => db.Accounts.Select(a => a.RequireMfa).SingleAsync());
        var turnedOff = await OkAsync(await root.PutAsJsonAsync(SettingsUri, new { requireMfa = false }));
        var readOff = await OkAsync(await root.GetAsync(SettingsUri));

        Assert.False(initial.GetProperty("requireMfa").GetBoolean());
        Assert.True(turnedOn.GetProperty("requireMfa").GetBoolean());
        Assert.True(readOn.GetProperty("requireMfa").GetBoolean());
        Assert.True(stored);
        Assert.False(turnedOff.GetProperty("requireMfa").GetBoolean());
        Assert.False(readOff.GetProperty("requireMfa").GetBoolean());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"requireMfa\": null}")]
    [InlineData("{\"requireMfa\": \"yes\"}")]
    [InlineData("{\"requireMfa\": true, \"requireMFA2\": true}")]
    public async Task A_put_without_a_boolean_requireMfa_is_invalid_input_and_changes_nothing(string json)
    {
        using var root = ClientWithToken(await SignInAsRootAsync());

        var response = await root.PutAsync(SettingsUri, new StringContent(json, Encoding.UTF8, "application/json"));

        await ProblemAsync(response, HttpStatusCode.BadRequest, "InvalidInput");
        Assert.False((await OkAsync(await root.GetAsync(SettingsUri))).GetProperty("requireMfa").GetBoolean());
    }
}
