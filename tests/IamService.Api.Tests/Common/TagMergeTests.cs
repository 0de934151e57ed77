using IamService.Api.Common;
using IamService.Api.Errors;
using IamService.Data.Users;

namespace IamService.Api.Tests.Common;

public sealed class TagMergeTests
{
    [Fact]
    public void Apply_SameKeyInAnotherCase_OverwritesValueAndSpelling()
    {
        List<UserTag> tags = [new("AIDA1", "Department", "Finance"), new("AIDA1", "Team", "Blue")];

        var error = TagMerge.Apply(tags, [new IamTag("department", "HR"), new IamTag("Floor", "3")],
            t => new UserTag("AIDA1", t.Key, t.Value));

        Assert.Null(error);
        Assert.Equal(
            [new IamTag("department", "HR"), new IamTag("Floor", "3"), new IamTag("Team", "Blue")],
            TagMerge.ToResponse(tags));
    }

    [Fact]
    public void Apply_MoreThan50InTotal_IsLimitExceededAndChangesNothing()
    {
        var tags = Enumerable.Range(0, 49).Select(i => new UserTag("AIDA1", $"k{i}", "v")).ToList();

        var error = TagMerge.Apply(tags,
            [new IamTag("k0", "changed"), new IamTag("new1", "v"), new IamTag("new2", "v")],
            t => new UserTag("AIDA1", t.Key, t.Value));

        Assert.Equal(IamErrorCode.LimitExceeded, error?.Code);
        Assert.Equal(49, tags.Count);
        Assert.Equal("v", tags[0].Value);
    }

    [Fact]
    public void Apply_OverwritingKeysAtTheLimit_IsAllowed()
    {
        var tags = Enumerable.Range(0, 50).Select(i => new UserTag("AIDA1", $"k{i}", "v")).ToList();

        var error = TagMerge.Apply(tags, [new IamTag("K0", "changed")], t => new UserTag("AIDA1", t.Key, t.Value));

        Assert.Null(error);
        Assert.Equal(50, tags.Count);
    }
}
