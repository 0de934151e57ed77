namespace IamService.Api.Mfa;

/// <summary>
/// A new pending device with its secret, returned by the create request only: the seed, the
/// <c>otpauth://</c> URI that carries it, and that URI as a QR code. Nothing returns the seed again.
/// </summary>
public sealed record CreatedMfaDeviceResponse
{
    public required MfaDeviceResponse Device { get; init; }

    /// <summary>The shared secret in base32 (RFC 4648), for authenticator apps that take it typed in.</summary>
    public required string Base32StringSeed { get; init; }

    /// <summary>
    /// The Key Uri Format that authenticator apps read:
    /// <c>otpauth://totp/IamService:ACCOUNT%3AUSER?secret=...&amp;issuer=IamService&amp;...</c>.
    /// </summary>
    public required string OtpauthUri { get; init; }

    /// <summary>The URI as a QR code: a PNG image, base64-encoded.</summary>
    public required string QrCodePng { get; init; }

    /// <summary>The URI as a QR code: an SVG document.</summary>
    public required string QrCodeSvg { get; init; }
}
