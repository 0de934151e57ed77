using IamService.Api.Common;

namespace IamService.Api.Tests.Common;

public sealed class IamIdsTests
{
    public static TheoryData<string, string> Kinds => new()
    {
        { "user", "AIDA" }, { "group", "AGPA" }, { "role", "AROA" }, { "policy", "ANPA" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void New_HasTheKindsPrefixAnd17Base32Characters(string resourceType, string prefix)
    {
        var kind = EntityKind.All.Single(k => k.ResourceType == resourceType);

        var id = IamIds.New(kind);

        Assert.Matches($"^{prefix}[A-Z2-7]{{17}}$", id);
    }

    [Fact]
    public void New_ManyIds_AreAllDifferent()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => IamIds.New(EntityKind.User))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(10_000, ids.Count);
    }
}
