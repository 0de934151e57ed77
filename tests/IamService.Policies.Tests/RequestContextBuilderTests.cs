namespace IamService.Policies.Tests;

/// <summary>The keys the builder fills for a decision, and a builder used again after it built a context.</summary>
public class RequestContextBuilderTests
{
    [Fact]
    public void AddCurrentTime_FillsBothTimeKeysToTheSecond()
    {
        var now = new DateTimeOffset(2026, 12, 4, 18, 20, 31, 750, TimeSpan.Zero);

        var context = new RequestContextBuilder().AddCurrentTime(now).Build();

        Assert.Equal(["2026-12-04T18:20:31Z"], context.GetValues("aws:CurrentTime"));
        Assert.Equal(ContextKeyType.Date, context.GetKeyType("aws:currenttime"));
        Assert.Equal([now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)],
            context.GetValues("aws:EpochTime"));
        Assert.Equal(ContextKeyType.Numeric, context.GetKeyType("aws:EpochTime"));
    }

    [Fact]
    public void AddCurrentTime_ANewSecondGetsNewValues()
    {
        var first = new DateTimeOffset(2026, 12, 4, 18, 20, 31, TimeSpan.Zero);

        var before = new RequestContextBuilder().AddCurrentTime(first).Build();
        var after = new RequestContextBuilder().AddCurrentTime(first.AddSeconds(1)).Build();

        Assert.Equal(["2026-12-04T18:20:31Z"], before.GetValues("aws:CurrentTime"));
        Assert.Equal(["2026-12-04T18:20:32Z"], after.GetValues("aws:CurrentTime"));
    }

    [Fact]
    public void AddPrincipalKeys_FillsTheUserKeysAndTheRoleForASession()
    {
        var user = new RequestPrincipal(
            "arn:aws:iam::123456789012:user/team/alice", "AIDAEXAMPLE", PrincipalType.User, "123456789012");
        var session = new RequestPrincipal(
            "arn:aws:sts::123456789012:assumed-role/ops/s1", "AROAEXAMPLE:s1", PrincipalType.AssumedRole,
            "123456789012", sessionIssuerArn: "arn:aws:iam::123456789012:role/ops");

        var forUser = new RequestContextBuilder().AddPrincipalKeys(user).Build();
        var forSession = new RequestContextBuilder().AddPrincipalKeys(session).Build();

        Assert.Equal(["alice"], forUser.GetValues("aws:username"));
        Assert.Equal(["AIDAEXAMPLE"], forUser.GetValues("aws:userid"));
        Assert.Equal(["User"], forUser.GetValues("aws:PrincipalType"));
        Assert.Equal(["arn:aws:iam::123456789012:role/ops"], forSession.GetValues("aws:PrincipalArn"));
        Assert.Equal(["AssumedRole"], forSession.GetValues("aws:PrincipalType"));
        Assert.False(forSession.ContainsKey("aws:username"));
    }

    [Fact]
    public void Build_ABuilderUsedAgainLeavesTheContextItBuiltAlone()
    {
        var builder = new RequestContextBuilder().Add("team", "red");

        var first = builder.Build();
        var second = builder.Add("stage", "prod").Build();

        Assert.Equal(["team"], first.Keys);
        Assert.Equal(["team", "stage"], second.Keys);
    }
}
