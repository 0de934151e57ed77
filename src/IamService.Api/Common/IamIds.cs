using System.Security.Cryptography;

namespace IamService.Api.Common;

/// <summary>Generates IAM-style unique ids such as <c>AIDAJQABLZS4A3QDU576Q</c>.</summary>
public static class IamIds
{
    /// <summary>The RFC 4648 base32 alphabet, the characters IAM's ids are made of after the prefix.</summary>
    public const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public const int RandomLength = 17;

    /// <summary>
    /// The kind's prefix and 17 base32 characters from a cryptographic generator: 85 random bits, so ids
    /// are neither guessable nor expected to collide.
    /// </summary>
    public static string New(EntityKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return kind.IdPrefix + RandomNumberGenerator.GetString(Base32Alphabet, RandomLength);
    }
}
