namespace IamService.Policies;

internal static class AccountIds
{
    /// <summary>An AWS account id is exactly twelve digits.</summary>
    public static bool IsAccountId(ReadOnlySpan<char> value) =>
        value.Length == 12 && !value.ContainsAnyExceptInRange('0', '9');
}
