using System.Buffers;

namespace IamService.Policies;

/// <summary>The characters IAM service prefixes and action names are made of, plus the two wildcards.</summary>
internal static class ActionCharacters
{
    public static readonly SearchValues<char> Service =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-*?");

    public static readonly SearchValues<char> Name =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.*?");
}
