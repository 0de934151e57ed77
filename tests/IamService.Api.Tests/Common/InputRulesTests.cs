using IamService.Api.Common;
using IamService.Api.Errors;

namespace IamService.Api.Tests.Common;

public sealed class InputRulesTests
{
    [Theory]
    [InlineData("alice")]
    [InlineData("A_b+c=d,e.f@g-h")]
    [InlineData("x")]
    public void CheckName_AllowedCharacters_Passes(string name)
    {
        Assert.Null(InputRules.CheckName(EntityKind.User, name));
    }

    [Theory]
    [InlineData("", "length greater than or equal to 1")]
    [InlineData("has space", "regular expression pattern")]
    [InlineData("slash/name", "regular expression pattern")]
    [InlineData("ünïcode", "regular expression pattern")]
    [InlineData("trailing-newline\n", "regular expression pattern")]
    public void CheckName_BrokenRule_IsAValidationErrorNamingTheField(string name, string expected)
    {
        var error = InputRules.CheckName(EntityKind.User, name);

        Assert.NotNull(error);
        Assert.Equal(IamErrorCode.ValidationError, error.Code);
        Assert.Equal(400, error.Status);
        Assert.Contains("'userName'", error.Detail, StringComparison.Ordinal);
        Assert.Contains(expected, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckName_LengthLimits_DependOnTheKind()
    {
        Assert.Null(InputRules.CheckName(EntityKind.User, new string('u', 64)));
        Assert.NotNull(InputRules.CheckName(EntityKind.User, new string('u', 65)));
        Assert.Null(InputRules.CheckName(EntityKind.Group, new string('g', 128)));
        Assert.NotNull(InputRules.CheckName(EntityKind.Group, new string('g', 129)));
        Assert.NotNull(InputRules.CheckName(EntityKind.Role, new string('r', 65)));
        Assert.Null(InputRules.CheckName(EntityKind.Policy, new string('p', 128)));
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/division/", true)]
    [InlineData("/a/b~c!/", true)]
    [InlineData("", false)]
    [InlineData("division", false)]
    [InlineData("/division", false)]
    [InlineData("division/", false)]
    [InlineData("/with space/", false)]
    [InlineData("/tab\t/", false)]
    [InlineData("/é/", false)]
    public void CheckPath_FollowsIamsPattern(string path, bool valid)
    {
        Assert.Equal(valid, InputRules.CheckPath(path) is null);
    }

    [Fact]
    public void CheckPath_LongerThan512_IsRejected()
    {
        Assert.Null(InputRules.CheckPath("/" + new string('a', 510) + "/"));
        Assert.NotNull(InputRules.CheckPath("/" + new string('a', 511) + "/"));
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/division", true)]
    [InlineData("/division/", true)]
    [InlineData("division", false)]
    [InlineData("", false)]
    public void CheckPathPrefix_NeedNotEndInASlash(string prefix, bool valid)
    {
        Assert.Equal(valid, InputRules.CheckPathPrefix(prefix) is null);
    }

    [Fact]
    public void CheckTags_ValidTags_Pass()
    {
        IamTag[] tags = [new("Department", "Finance & Co".Replace("&", "+", StringComparison.Ordinal)),
            new("cost:center/1", ""), new("Ünïcode Key", "ñ 1 @ =")];

        Assert.Null(InputRules.CheckTags(tags));
    }

    [Fact]
    public void CheckTags_KeysDifferingOnlyInCase_AreDuplicates()
    {
        var error = InputRules.CheckTags([new("Department", "a"), new("department", "b")]);

        Assert.NotNull(error);
        Assert.Equal(IamErrorCode.InvalidInput, error.Code);
        Assert.Contains("case-insensitive", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "v")]
    [InlineData("bad*key", "v")]
    [InlineData("key", "bad*value")]
    public void CheckTags_BadKeyOrValue_IsAValidationError(string key, string value)
    {
        var error = InputRules.CheckTags([new(key, value)]);

        Assert.NotNull(error);
        Assert.Equal(IamErrorCode.ValidationError, error.Code);
    }

    [Fact]
    public void CheckTags_Lengths_AreLimitedTo128And256()
    {
        Assert.Null(InputRules.CheckTags([new(new string('k', 128), new string('v', 256))]));
        Assert.NotNull(InputRules.CheckTags([new(new string('k', 129), "v")]));
        Assert.NotNull(InputRules.CheckTags([new("k", new string('v', 257))]));
    }

    [Fact]
    public void CheckTags_MoreThan50_IsRejected()
    {
        var tags = Enumerable.Range(0, 51).Select(i => new IamTag($"k{i}", "v")).ToList();

        Assert.Null(InputRules.CheckTags(tags[..50]));
        Assert.Equal(IamErrorCode.ValidationError, InputRules.CheckTags(tags)?.Code);
    }

    [Theory]
    [InlineData("aws:team")]
    [InlineData("AWS:team")]
    public void CheckTags_ReservedPrefix_IsInvalidInput(string key)
    {
        Assert.Equal(IamErrorCode.InvalidInput, InputRules.CheckTags([new(key, "v")])?.Code);
    }

    [Fact]
    public void CheckTagKeys_EmptyOrTooMany_IsRejected()
    {
        Assert.NotNull(InputRules.CheckTagKeys([]));
        Assert.NotNull(InputRules.CheckTagKeys(Enumerable.Range(0, 51).Select(i => $"k{i}").ToList()));
        Assert.Null(InputRules.CheckTagKeys(["a", "B"]));
    }
}
