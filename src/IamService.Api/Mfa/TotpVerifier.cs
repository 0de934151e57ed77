using System.Security.Cryptography;
using System.Text;
using IamService.Data;
using IamService.Data.Credentials;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace IamService.Api.Mfa;

/// <summary>
/// Checks TOTP codes (RFC 6238: SHA-1, six digits, 30-second steps) as IAM does: the current step and one
/// either side are accepted, a step already used by the device is refused, and codes are compared in
/// constant time.
/// </summary>
public sealed class TotpVerifier(IamDbContext db, MfaSeedProtector seeds, TimeProvider time)
{
    public const int StepSeconds = 30;
    public const int CodeLength = 6;

    /// <summary>The time step whose code matches, if any, among the current one and its neighbours.</summary>
    public long? FindStep(byte[] seed, string code, long notAfterStep = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length != CodeLength || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(seed, StepSeconds, OtpHashMode.Sha1, CodeLength);
        var current = CurrentStep();
        var given = Encoding.ASCII.GetBytes(code);
        long? found = null;
        // Every candidate is computed and compared, match or not, so the time taken says nothing.
        for (var step = current - 1; step <= current + 1; step++)
        {
            var expected = Encoding.ASCII.GetBytes(totp.ComputeTotp(StepStart(step)));
            if (CryptographicOperations.FixedTimeEquals(expected, given) && step <= notAfterStep)
            {
                found ??= step;
            }
        }

        return found;
    }

    /// <summary>
    /// Verifies a code of an enabled device and records its step, so the same code (or an older one) is never
    /// accepted again. Two requests racing with one code: one wins, the other is refused.
    /// </summary>
    public async Task<bool> VerifyAndConsumeAsync(MfaDevice device, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        var step = FindStep(seeds.Unprotect(device.ProtectedSeed), code);
        if (step is not { } matched || matched <= device.LastUsedTimeStep)
        {
            return false;
        }

        var updated = await db.MfaDevices
            .Where(d => d.Id == device.Id && d.LastUsedTimeStep < matched)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.LastUsedTimeStep, matched), cancellationToken);
        return updated == 1;
    }

    public long CurrentStep() => time.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;

    private static DateTime StepStart(long step) => DateTime.UnixEpoch.AddSeconds(step * StepSeconds);
}
