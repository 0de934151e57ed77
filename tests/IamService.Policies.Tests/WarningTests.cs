namespace IamService.Policies.Tests;

/// <summary>Legal but risky shapes: the document is accepted with a warning.</summary>
public class WarningTests
{
    public static TheoryData<string, PolicyProblemCode, string> Warnings => new()
    {
        {
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}""",
            PolicyProblemCode.AllowWithNotAction, "$.Statement[0].NotAction"
        },
        {
            """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::b"}]}
                """,
            PolicyProblemCode.AllowWithNotResource, "$.Statement[0].NotResource"
        },
        {
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""",
            PolicyProblemCode.AllowsAllActionsOnAllResources, "$.Statement[0]"
        },
        {
            """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":["s3:*","*:*"],"Resource":["arn:aws:s3:::b","*"]}]}
                """,
            PolicyProblemCode.AllowsAllActionsOnAllResources, "$.Statement[0]"
        },
        {
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}""",
            PolicyProblemCode.PassRoleOnAnyResource, "$.Statement[0]"
        },
        {
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:Pass*","Resource":"*"}]}""",
            PolicyProblemCode.PassRoleOnAnyResource, "$.Statement[0]"
        },
        {
            """
                {"Version":"2008-10-17","Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}/*"}]}
                """,
            PolicyProblemCode.VariablesInLegacyVersion, "$.Statement[0].Resource"
        },
        {
            """
                {"Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"*",
                  "Condition":{"StringLike":{"s3:prefix":["a","${aws:username}/*"]}}}]}
                """,
            PolicyProblemCode.VariablesInLegacyVersion, "$.Statement[0].Condition.StringLike['s3:prefix'][1]"
        },
        {
            """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"*",
                  "Condition":{"NullIfExists":{"aws:TokenIssueTime":"true"}}}]}
                """,
            PolicyProblemCode.IfExistsOnNull, "$.Statement[0].Condition.NullIfExists"
        },
    };

    [Theory]
    [MemberData(nameof(Warnings))]
    public void Parse_RiskyShape_IsAcceptedWithWarning(string json, PolicyProblemCode code, string path)
    {
        var result = PolicyParser.Parse(json, new PolicyParseOptions(PolicyType.Identity));

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Contains(
            result.Warnings,
            w => w.Code == code && w.Path == path && w.Severity == PolicyProblemSeverity.Warning);
    }

    [Theory]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"s3:*","Resource":"*"}]}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}""")]
    [InlineData("""
        {"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/App"}]}
        """)]
    [InlineData("""
        {"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}/*"}]}
        """)]
    public void Parse_OrdinaryShape_HasNoWarning(string json)
    {
        var result = PolicyParser.Parse(json, new PolicyParseOptions(PolicyType.Identity));

        Assert.True(result.Succeeded);
        Assert.Empty(result.Warnings);
    }
}
