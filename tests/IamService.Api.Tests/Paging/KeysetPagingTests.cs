using System.Net;
using IamService.Api.Tests.Infrastructure;

namespace IamService.Api.Tests.Paging;

public sealed class KeysetPagingTests : ApiTestBase
{
    [Fact]
    public async Task Users_AddedAndRemovedBetweenPages_NeitherSkipNorRepeatThoseThatStay()
    {
        var path = UniquePath();
        var stem = Unique("k");
        var initial = Enumerable.Range(0, 12).Select(i => $"{stem}-{i:D2}").ToList();
        foreach (var name in initial)
        {
            await CreateUserAsync(name, path);
        }

        var seen = new List<string>();
        var page = await GetJsonAsync($"/api/v1/users?pathPrefix={path}&maxItems=4");
        seen.AddRange(Names(page, "users", "userName"));

        // Between pages: remove one already listed and one not yet listed, add names before and after the cursor.
        await DeleteUserAsync(initial[1]);
        await DeleteUserAsync(initial[6]);
        await CreateUserAsync($"{stem}-00a", path);
        await CreateUserAsync($"{stem}-05a", path);
        page = await GetJsonAsync(
            $"/api/v1/users?pathPrefix={path}&maxItems=4&marker={page.GetProperty("marker").GetString()}");
        seen.AddRange(Names(page, "users", "userName"));

        await DeleteUserAsync(seen[^1]);
        await CreateUserAsync($"{stem}-99", path);
        while (page.GetProperty("isTruncated").GetBoolean())
        {
            page = await GetJsonAsync(
                $"/api/v1/users?pathPrefix={path}&maxItems=4&marker={page.GetProperty("marker").GetString()}");
            seen.AddRange(Names(page, "users", "userName"));
        }

        var stayed = initial.Except([initial[1], initial[6], seen[7]]).ToList();
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
        Assert.All(stayed, name => Assert.Contains(name, seen));
        Assert.DoesNotContain(initial[6], seen);
        Assert.DoesNotContain($"{stem}-00a", seen);
        Assert.Contains($"{stem}-05a", seen);
        Assert.Contains($"{stem}-99", seen);
        Assert.Equal(seen.Order(StringComparer.OrdinalIgnoreCase), seen);
    }

    [Fact]
    public async Task Users_NamesWithPunctuationAndCase_AreOrderedByUpperCaseBytesOnEveryPage()
    {
        var path = UniquePath();
        var stem = Unique("o");
        string[] names = [$"{stem}_x", $"{stem}-x", $"{stem}.x", $"{stem}@x", $"{stem}Zx", $"{stem}ax", $"{stem}+x"];
        foreach (var name in names)
        {
            await CreateUserAsync(name, path);
        }

        var seen = new List<string>();
        string? marker = null;
        do
        {
            var query = marker is null ? "" : $"&marker={marker}";
            var page = await GetJsonAsync($"/api/v1/users?pathPrefix={path}&maxItems=2{query}");
            seen.AddRange(Names(page, "users", "userName"));
            marker = page.TryGetProperty("marker", out var next) ? next.GetString() : null;
        }
        while (marker is not null);

        Assert.Equal(names.OrderBy(n => n.ToUpperInvariant(), StringComparer.Ordinal), seen);
    }

    private async Task DeleteUserAsync(string name) =>
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/users/{name}")).StatusCode);
}
