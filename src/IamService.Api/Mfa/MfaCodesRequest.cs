namespace IamService.Api.Mfa;

/// <summary>Two codes that the device showed one after the other.</summary>
public sealed record MfaCodesRequest
{
    /// <summary>A six-digit code from the device.</summary>
    /// <example>123456</example>
    public required string AuthenticationCode1 { get; init; }

    /// <summary>The next code the device shows, 30 seconds after the first.</summary>
    /// <example>654321</example>
    public required string AuthenticationCode2 { get; init; }
}
