using IamService.Api.Common;
using IamService.Api.Errors;
using IamService.Api.Mfa;
using IamService.Data;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Sts;

/// <summary>Checks the MFA device serial number and code that STS requests may carry.</summary>
public sealed class StsMfa(IamDbContext db, TotpVerifier totp)
{
    private const string SerialPrefix = "arn:aws:iam::";
    private const string SerialResource = ":mfa/";

    /// <summary>
    /// STS's answer to any MFA failure: unknown device, someone else's, not enabled, wrong or replayed code.
    /// One answer for all, so that it does not tell which devices exist.
    /// </summary>
    public static IamError Failed { get; } = new(
        IamErrorCode.AccessDenied, StatusCodes.Status403Forbidden,
        "MultiFactorAuthentication failed with invalid MFA one time pass code.");

    /// <summary>InvalidInput when only one of the pair is given; the pair means nothing alone.</summary>
    public static IamError? CheckPair(string? serialNumber, string? tokenCode) =>
        (serialNumber is null) == (tokenCode is null)
            ? null
            : IamError.InvalidInput("serialNumber and tokenCode go together: give both to use MFA, or neither.");

    /// <summary>
    /// Whether the code is current for the principal's enabled device with this serial number; an accepted
    /// code is consumed, so it cannot be used again.
    /// </summary>
    public async Task<bool> VerifyAsync(
        string principalId,
        string accountId,
        string serialNumber,
        string tokenCode,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serialNumber);
        var prefix = SerialPrefix + accountId + SerialResource;
        if (!serialNumber.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        // Device ARNs may carry a path; the name, unique in the account, is the last segment.
        var name = serialNumber[(serialNumber.LastIndexOf('/') + 1)..];
        var normalized = name.ToUpperInvariant();
        var device = await db.MfaDevices.AsNoTracking()
            .SingleOrDefaultAsync(
                d => d.NormalizedName == normalized && d.PrincipalId == principalId && d.EnableDate != null,
                cancellationToken);
        return device is not null && await totp.VerifyAndConsumeAsync(device, tokenCode, cancellationToken);
    }
}
