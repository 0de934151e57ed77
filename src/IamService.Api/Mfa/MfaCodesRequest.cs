namespace IamService.Api.Mfa;

/// <summary>Two codes that the device showed one after the other.</summary>
/// <example>{"authenticationCode1": "123456", "authenticationCode2": "654321"}</example>
public sealed record MfaCodesRequest
{
    /// <summary>A six-digit code from the device.</summary>
    public required string AuthenticationCode1 { get; init; }

    /// <summary>The next code the device shows, 30 seconds after the first.</summary>
    public required string AuthenticationCode2 { get; init; }
}
