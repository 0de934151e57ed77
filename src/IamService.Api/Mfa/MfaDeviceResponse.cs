using IamService.Data.Credentials;

namespace IamService.Api.Mfa;

/// <summary>A virtual MFA device as IAM lists it; the seed is never part of it.</summary>
public sealed record MfaDeviceResponse
{
    /// <summary>The holder's user name, or <c>root</c>.</summary>
    /// <example>alice</example>
    public required string UserName { get; init; }

    /// <example>alice-phone</example>

    public required string DeviceName { get; init; }

    /// <summary>IAM's serial number of a virtual device: <c>arn:aws:iam::ACCOUNT:mfa/NAME</c>.</summary>
    /// <example>arn:aws:iam::123456789012:mfa/alice-phone</example>
    public required string SerialNumber { get; init; }

    /// <example>2026-12-01T09:30:00+00:00</example>

    public required DateTimeOffset CreateDate { get; init; }

    /// <summary>When the device was enabled; absent while it waits for its two codes.</summary>
    /// <example>2026-12-01T09:31:00+00:00</example>
    public DateTimeOffset? EnableDate { get; init; }

    public static string SerialNumberOf(string accountId, string deviceName) =>
        $"arn:aws:iam::{accountId}:mfa/{deviceName}";

    public static MfaDeviceResponse For(MfaDevice device, string userName, string accountId)
    {
        ArgumentNullException.ThrowIfNull(device);
        return new MfaDeviceResponse
        {
            UserName = userName,
            DeviceName = device.Name,
            SerialNumber = SerialNumberOf(accountId, device.Name),
            CreateDate = device.CreateDate,
            EnableDate = device.EnableDate,
        };
    }
}
