namespace IamService.Policies;

/// <summary>The two wildcards of the policy language (IAM: "Action", "Resource", string condition wildcards).</summary>
internal static class Glob
{
    public static bool HasWildcards(ReadOnlySpan<char> text) => text.ContainsAny('*', '?');
}
