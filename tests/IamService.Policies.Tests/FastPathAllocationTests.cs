namespace IamService.Policies.Tests;

/// <summary>
/// The fast path allocates nothing per decision, measured with the runtime's allocation counter for this
/// thread (a count, not a timing).
/// </summary>
public class FastPathAllocationTests
{
    [Theory]
    [InlineData("s3:GetObject", "arn:aws:s3:::bucket-3/home/alice/report.csv")]
    [InlineData("s3:PutObject", "arn:aws:s3:::bucket-7/public/x")]
    [InlineData("ec2:RunInstances", "arn:aws:ec2:us-east-1:111122223333:instance/i-1")]
    [InlineData("kms:Decrypt", "*")]
    public void Decide_TwentyPoliciesOfTenStatements_AllocatesNothing(string action, string resource)
    {
        var set = new PolicySet([.. Enumerable.Range(0, 20).Select(BuildPolicy)]);
        var context = new RequestContextBuilder()
            .AddPrincipalKeys(TestPolicies.Alice)
            .AddIpAddress("aws:SourceIp", System.Net.IPAddress.Parse("10.1.2.3"))
            .AddDate("aws:CurrentTime", new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero))
            .Add("aws:TagKeys", ["Project"])
            .Build();
        var request = new AccessRequest(TestPolicies.Alice, action, resource, context);
        var expected = PolicyEvaluator.Decide(in request, set);

        var mismatches = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            mismatches += PolicyEvaluator.Decide(in request, set) == expected ? 0 : 1;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, mismatches);
        Assert.Equal(0, allocated);
    }

    private static CompiledPolicy BuildPolicy(int index)
    {
        var bucket = $"arn:aws:s3:::bucket-{index}";
        return TestPolicies.Compile(TestPolicies.Policy(
            TestPolicies.Statement("Allow", "s3:GetObject", bucket + "/home/${aws:username}/*"),
            TestPolicies.Statement("Allow", "s3:Get*", bucket + "/public/*"),
            TestPolicies.Statement("Allow", "s3:ListBucket", bucket, """
                {"StringLike":{"s3:prefix":"home/${aws:username}/*"}}
                """),
            TestPolicies.Statement("Deny", "s3:DeleteObject", bucket + "/*"),
            TestPolicies.Statement("Allow", "s3:PutObject", bucket + "/uploads/*", """
                {"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}
                """),
            TestPolicies.Statement("Allow", "ec2:Describe*", "*"),
            TestPolicies.Statement("Allow", "ec2:RunInstances", "arn:aws:ec2:*:111122223333:instance/*", """
                {"DateLessThan":{"aws:CurrentTime":"2025-01-01T00:00:00Z"}}
                """),
            TestPolicies.Statement("Deny", "*", "*", """{"Bool":{"aws:SecureTransport":"false"}}"""),
            TestPolicies.Statement("Allow", "sqs:*", "arn:aws:sqs:us-east-1:111122223333:queue-*", """
                {"ForAllValues:StringEquals":{"aws:TagKeys":["Project","Owner"]}}
                """),
            TestPolicies.Statement("Allow", "s3:*", bucket + "/team/${aws:PrincipalTag/Department}/*", """
                {"StringEquals":{"aws:PrincipalTag/Project":"Apollo"}}
                """)));
    }
}
