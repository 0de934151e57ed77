namespace IamService.Policies.Tests;

/// <summary>ForAllValues / ForAnyValue over multivalued keys (IAM: "Multivalued context keys").</summary>
public class SetQualifierTests
{
    [Theory]
    // ForAllValues: every request value must be one of the policy values; vacuously true when empty or missing.
    [InlineData("ForAllValues:StringEquals", "a|b", true)]
    [InlineData("ForAllValues:StringEquals", "a", true)]
    [InlineData("ForAllValues:StringEquals", "a|c", false)]
    [InlineData("ForAllValues:StringEquals", "[]", true)]
    [InlineData("ForAllValues:StringEquals", null, true)]
    // ForAnyValue: at least one request value must be one of them; false when empty or missing.
    [InlineData("ForAnyValue:StringEquals", "a|c", true)]
    [InlineData("ForAnyValue:StringEquals", "c|d", false)]
    [InlineData("ForAnyValue:StringEquals", "[]", false)]
    [InlineData("ForAnyValue:StringEquals", null, false)]
    // Negated operators with a qualifier: the negation applies to each request value.
    [InlineData("ForAllValues:StringNotEquals", "c|d", true)]
    [InlineData("ForAllValues:StringNotEquals", "a|c", false)]
    [InlineData("ForAllValues:StringNotEquals", null, true)]
    [InlineData("ForAnyValue:StringNotEquals", "a|c", true)]
    [InlineData("ForAnyValue:StringNotEquals", "a|b", false)]
    [InlineData("ForAnyValue:StringNotEquals", null, false)]
    [InlineData("ForAllValues:StringLike", "a1|b2", true)]
    [InlineData("ForAllValues:StringLike", "a1|c2", false)]
    [InlineData("ForAnyValue:StringLike", "c1|b2", true)]
    [InlineData("ForAnyValue:StringNotLike", "a1|b2", false)]
    // Without a qualifier a multivalued key matches when any value matches; negated, when none does.
    [InlineData("StringEquals", "c|a", true)]
    [InlineData("StringEquals", "c|d", false)]
    [InlineData("StringNotEquals", "c|a", false)]
    [InlineData("StringNotEquals", "c|d", true)]
    public void Qualifier_OverMultivaluedKey_CombinesValuesAsDocumented(string op, string? values, bool expected)
    {
        var policyValues = op.Contains("Like", StringComparison.Ordinal) ? """["a*","b*"]""" : """["a","b"]""";
        var condition = TestPolicies.Condition(op, ContextValues.Key, policyValues);

        var result = TestPolicies.EvaluateCondition(condition, ContextValues.With(values));

        Assert.Equal(expected, result.IsAllowed);
    }

    [Fact]
    public void Qualifier_ForAnyValueWithIfExists_IsTrueOnMissingKey()
    {
        const string condition = """{"ForAnyValue:StringEqualsIfExists":{"test:Key":"a"}}""";

        Assert.True(TestPolicies.EvaluateCondition(condition, RequestContext.Empty).IsAllowed);
    }

    [Fact]
    public void Qualifier_ForAllValuesOnTagKeys_RestrictsEveryTagKey()
    {
        const string condition = """{"ForAllValues:StringEquals":{"aws:TagKeys":["Project","Owner"]}}""";
        var allowed = new RequestContextBuilder().Add("aws:TagKeys", ["Project"]).Build();
        var denied = new RequestContextBuilder().Add("aws:TagKeys", ["Project", "CostCenter"]).Build();

        Assert.True(TestPolicies.EvaluateCondition(condition, allowed).IsAllowed);
        Assert.False(TestPolicies.EvaluateCondition(condition, denied).IsAllowed);
    }
}
