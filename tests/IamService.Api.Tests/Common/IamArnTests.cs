using IamService.Api.Common;

namespace IamService.Api.Tests.Common;

public sealed class IamArnTests
{
    [Fact]
    public void Format_UserWithPath_PutsThePathBetweenTypeAndName()
    {
        var arn = IamArn.Format("123456789012", EntityKind.User, "/division/", "alice");

        Assert.Equal("arn:aws:iam::123456789012:user/division/alice", arn);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:user/alice", "user", "/", "alice")]
    [InlineData("arn:aws:iam::123456789012:group/a/b/admins", "group", "/a/b/", "admins")]
    [InlineData("arn:aws:iam::123456789012:role/service-role/Runner", "role", "/service-role/", "Runner")]
    [InlineData("arn:aws:iam::123456789012:policy/ReadOnly+x=y,z.a@b-c", "policy", "/", "ReadOnly+x=y,z.a@b-c")]
    public void TryParse_WellFormedArn_ReturnsItsParts(string text, string type, string path, string name)
    {
        Assert.True(IamArn.TryParse(text, out var arn));

        Assert.Equal("123456789012", arn.AccountId);
        Assert.Equal(type, arn.Kind.ResourceType);
        Assert.Equal(path, arn.Path);
        Assert.Equal(name, arn.Name);
        Assert.Equal(text, arn.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("arn:aws:s3:::bucket")]
    [InlineData("arn:aws:iam::12345678901:user/alice")]
    [InlineData("arn:aws:iam::12345678901x:user/alice")]
    [InlineData("arn:aws:iam::123456789012:instance-profile/x")]
    [InlineData("arn:aws:iam::123456789012:user")]
    [InlineData("arn:aws:iam::123456789012:user/")]
    [InlineData("arn:aws:iam::123456789012:user/division/")]
    [InlineData("arn:aws:iam::123456789012:User/alice")]
    public void TryParse_AnythingElse_IsRejected(string? text)
    {
        Assert.False(IamArn.TryParse(text, out _));
    }
}
