using System.Globalization;
using System.Security.Cryptography;
using OtpNet;
using QRCoder;

namespace IamService.Api.Mfa;

/// <summary>The secret of a new virtual device and the ways an authenticator app can take it in.</summary>
public static class MfaEnrolment
{
    /// <summary>The name authenticator apps show above the code.</summary>
    public const string Issuer = "IamService";

    // RFC 4226 section 4 asks for a shared secret of at least 128 bits and recommends 160.
    private const int SeedBytes = 20;

    private const int QrPixelsPerModule = 5;

    public static byte[] NewSeed() => RandomNumberGenerator.GetBytes(SeedBytes);

    public static string ToBase32(byte[] seed) => Base32Encoding.ToString(seed);

    /// <summary>
    /// Google Authenticator's Key Uri Format. The label is the issuer, then <c>ACCOUNT:USER</c> with its colon
    /// escaped, so that apps which split the label at its first colon still find the issuer.
    /// </summary>
    public static string OtpauthUri(string base32Seed, string accountId, string userName)
    {
        var label = $"{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString($"{accountId}:{userName}")}";
        return string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{label}?secret={base32Seed}&issuer={Uri.EscapeDataString(Issuer)}"
            + $"&algorithm=SHA1&digits={TotpVerifier.CodeLength}&period={TotpVerifier.StepSeconds}");
    }

    /// <summary>The URI as a QR code, both as a base64 PNG and as SVG.</summary>
    public static (string PngBase64, string Svg) QrCodes(string uri)
    {
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(QrPixelsPerModule);
        var svg = new SvgQRCode(data).GetGraphic(QrPixelsPerModule);
        return (Convert.ToBase64String(png), svg);
    }
}
