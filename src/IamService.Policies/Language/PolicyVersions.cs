namespace IamService.Policies;

/// <summary>The two values IAM accepts for the Version element.</summary>
public static class PolicyVersions
{
    public const string Current = "2012-10-17";
    public const string Legacy = "2008-10-17";
}
