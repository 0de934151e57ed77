using System.Globalization;
using IamService.Api.Common;
using IamService.Api.Errors;
using IamService.Data;
using IamService.Data.Common;
using IamService.Data.Credentials;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IamService.Api.Mfa;

/// <summary>
/// Virtual MFA devices of users and of root: enrolment (a pending device and its seed), enabling and
/// resynchronising with two consecutive codes, listing and removal.
/// </summary>
public sealed partial class MfaDeviceService(
    IamDbContext db,
    AccountIdProvider accounts,
    MfaSeedProtector seeds,
    TotpVerifier verifier,
    IOptions<LimitsOptions> limits,
    TimeProvider time,
    ILogger<MfaDeviceService> logger)
{
    private const string DeviceNameField = "deviceName";

    private static readonly IamError RootOnly = new(
        IamErrorCode.AccessDenied, StatusCodes.Status403Forbidden,
        "Only the root user can manage root's MFA device: sign in as root to do this.");

    /// <summary>
    /// Creates a pending device and returns its secret, once. A pending device of the same holder, whatever its
    /// name, is replaced, so an enrolment that was never finished can simply be started again.
    /// </summary>
    public async Task<Result<CreatedMfaDeviceResponse>> CreateAsync(
        MfaDeviceHolder holder,
        CreateMfaDeviceRequest request,
        CancellationToken cancellationToken)
    {
        if (InputRules.CheckName(request.DeviceName, DeviceNameField, MfaDevice.MaxNameLength) is { } invalid)
        {
            return invalid;
        }

        var found = await FindHolderAsync(holder, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var owner = found.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await LockHolderAsync(owner, cancellationToken))
        {
            return IamError.NoSuchEntity(EntityKind.User, owner.UserName);
        }

        var normalized = IamEntity.NormalizeName(request.DeviceName);
        var taken = await db.MfaDevices.AnyAsync(
            d => d.NormalizedName == normalized && (d.PrincipalId != owner.PrincipalId || d.EnableDate != null),
            cancellationToken);
        if (taken)
        {
            return NameTaken(request.DeviceName);
        }

        var enabled = await db.MfaDevices.CountAsync(
            d => d.PrincipalId == owner.PrincipalId && d.EnableDate != null, cancellationToken);
        if (enabled >= limits.Value.MfaDevicesPerUser)
        {
            return IamError.LimitExceeded("MFA devices per user", limits.Value.MfaDevicesPerUser);
        }

        await db.MfaDevices.Where(d => d.PrincipalId == owner.PrincipalId && d.EnableDate == null)
            .ExecuteDeleteAsync(cancellationToken);
        var seed = MfaEnrolment.NewSeed();
        var device = new MfaDevice(owner.PrincipalId, request.DeviceName, seeds.Protect(seed), time.GetStoreTime());
        db.MfaDevices.Add(device);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another holder's request took the name between the check and the insert.
            return NameTaken(request.DeviceName);
        }

        await transaction.CommitAsync(cancellationToken);

        Log.DeviceCreated(logger, device.Name, owner.UserName);
        var base32 = MfaEnrolment.ToBase32(seed);
        var uri = MfaEnrolment.OtpauthUri(base32, owner.AccountId, owner.UserName);
        var (png, svg) = MfaEnrolment.QrCodes(uri);
        return new CreatedMfaDeviceResponse
        {
            Device = MfaDeviceResponse.For(device, owner.UserName, owner.AccountId),
            Base32StringSeed = base32,
            OtpauthUri = uri,
            QrCodePng = png,
            QrCodeSvg = svg,
        };
    }

    public async Task<Result<MfaDeviceListResponse>> ListAsync(
        MfaDeviceHolder holder,
        CancellationToken cancellationToken)
    {
        var found = await FindHolderAsync(holder, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var owner = found.Value;
        var devices = await db.MfaDevices.AsNoTracking()
            .Where(d => d.PrincipalId == owner.PrincipalId)
            .OrderBy(d => d.NormalizedName)
            .ToListAsync(cancellationToken);
        return new MfaDeviceListResponse(
            [.. devices.Select(d => MfaDeviceResponse.For(d, owner.UserName, owner.AccountId))]);
    }

    /// <summary>
    /// Enables a pending device once it has shown two consecutive codes (IAM EnableMFADevice), which proves that
    /// the app holds the seed and that its clock agrees with ours. The later step counts as used.
    /// </summary>
    public async Task<Result<MfaDeviceResponse>> EnableAsync(
        MfaDeviceHolder holder,
        string deviceName,
        MfaCodesRequest request,
        CancellationToken cancellationToken)
    {
        var found = await FindWithCodesAsync(holder, deviceName, request, enabled: false, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (owner, device, later) = found.Value;
        var enableDate = time.GetStoreTime();
        // The device must still be pending and unused when it is written, or a racing request got there first.
        var updated = await db.MfaDevices
            .Where(d => d.Id == device.Id && d.EnableDate == null && d.LastUsedTimeStep == device.LastUsedTimeStep)
            .ExecuteUpdateAsync(
                set => set.SetProperty(d => d.EnableDate, enableDate).SetProperty(d => d.LastUsedTimeStep, later),
                cancellationToken);
        if (updated == 0)
        {
            return InvalidCodes();
        }

        Log.DeviceEnabled(logger, device.Name, owner.UserName);
        device.EnableDate = enableDate;
        return MfaDeviceResponse.For(device, owner.UserName, owner.AccountId);
    }

    /// <summary>
    /// Resynchronises an enabled device with two consecutive codes that were never used (IAM ResyncMFADevice).
    /// The later step is recorded, so neither code, nor any earlier one, signs in afterwards.
    /// </summary>
    public async Task<Result> ResyncAsync(
        MfaDeviceHolder holder,
        string deviceName,
        MfaCodesRequest request,
        CancellationToken cancellationToken)
    {
        // Limitation: no clock offset is stored, so resync accepts only codes within one step of the server's clock.
        var found = await FindWithCodesAsync(holder, deviceName, request, enabled: true, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (owner, device, later) = found.Value;
        // A sign-in or resync that spent a code of this device since it was read wins; these codes are refused.
        var updated = await db.MfaDevices
            .Where(d => d.Id == device.Id && d.LastUsedTimeStep == device.LastUsedTimeStep)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.LastUsedTimeStep, later), cancellationToken);
        if (updated == 0)
        {
            return InvalidCodes();
        }

        Log.DeviceResynced(logger, device.Name, owner.UserName);
        return Result.Success;
    }

    /// <summary>
    /// Deactivates and deletes a device, pending or enabled (IAM DeactivateMFADevice, then DeleteVirtualMFADevice).
    /// </summary>
    public async Task<Result> DeleteAsync(
        MfaDeviceHolder holder,
        string deviceName,
        CancellationToken cancellationToken)
    {
        if (InputRules.CheckName(deviceName, DeviceNameField, MfaDevice.MaxNameLength) is { } invalid)
        {
            return invalid;
        }

        var found = await FindHolderAsync(holder, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var owner = found.Value;
        var normalized = IamEntity.NormalizeName(deviceName);
        var deleted = await db.MfaDevices
            .Where(d => d.PrincipalId == owner.PrincipalId && d.NormalizedName == normalized)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return NoSuchDevice(deviceName, owner);
        }

        Log.DeviceDeleted(logger, deviceName, owner.UserName);
        return Result.Success;
    }

    /// <summary>
    /// The later of two consecutive steps whose codes these are, both after the device's last used step; null
    /// when the codes are wrong, out of the window, not consecutive or already used.
    /// </summary>
    private long? ConsecutiveSteps(MfaDevice device, MfaCodesRequest request)
    {
        var seed = seeds.Unprotect(device.ProtectedSeed);
        if (verifier.FindStep(seed, request.AuthenticationCode2) is not { } later)
        {
            return null;
        }

        var earlier = verifier.FindStep(seed, request.AuthenticationCode1, notAfterStep: later - 1);
        return earlier == later - 1 && earlier > device.LastUsedTimeStep ? later : null;
    }

    /// <summary>
    /// The holder's device in the expected state (pending to enable, enabled to resync) and the later step of
    /// the two codes, once they have been checked.
    /// </summary>
    private async Task<Result<(Holder Owner, MfaDevice Device, long Later)>> FindWithCodesAsync(
        MfaDeviceHolder holder,
        string deviceName,
        MfaCodesRequest request,
        bool enabled,
        CancellationToken cancellationToken)
    {
        var invalid = InputRules.CheckName(deviceName, DeviceNameField, MfaDevice.MaxNameLength)
            ?? CheckCode(request.AuthenticationCode1, "authenticationCode1")
            ?? CheckCode(request.AuthenticationCode2, "authenticationCode2");
        if (invalid is not null)
        {
            return invalid;
        }

        var found = await FindHolderAsync(holder, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var owner = found.Value;
        var normalized = IamEntity.NormalizeName(deviceName);
        var device = await db.MfaDevices.AsNoTracking()
            .Where(d => d.PrincipalId == owner.PrincipalId && d.NormalizedName == normalized)
            .SingleOrDefaultAsync(cancellationToken);
        if (device is null)
        {
            return NoSuchDevice(deviceName, owner);
        }

        if (enabled && device.EnableDate is null)
        {
            // IAM resynchronises only a device that is enabled for the user; a pending one is not yet theirs.
            return IamError.NoSuchEntity(
                $"MFA device {device.Name} of {owner.UserName} is not enabled: enable it with two consecutive codes.");
        }

        if (!enabled && device.EnableDate is not null)
        {
            return new IamError(IamErrorCode.EntityAlreadyExists, StatusCodes.Status409Conflict,
                $"MFA device {device.Name} is already enabled. To enrol it again, delete it and create it anew.");
        }

        if (ConsecutiveSteps(device, request) is not { } later)
        {
            Log.CodesRefused(logger, device.Name, owner.UserName);
            return InvalidCodes();
        }

        return (owner, device, later);
    }

    private async Task<Result<Holder>> FindHolderAsync(MfaDeviceHolder holder, CancellationToken cancellationToken)
    {
        var accountId = await accounts.GetAsync(cancellationToken);
        if (holder.IsRoot)
        {
            return holder.Caller is { IsRoot: true }
                ? new Holder(accountId, accountId, "root", IsRoot: true)
                : RootOnly;
        }

        var user = await db.Users.AsNoTracking().FindByNameAsync(EntityKind.User, holder.UserName!, cancellationToken);
        return user.IsSuccess ? new Holder(user.Value.Id, accountId, user.Value.Name, IsRoot: false) : user.Error;
    }

    /// <summary>
    /// Takes the holder's row lock (the user's, or the account's for root), so that two enrolments of one holder
    /// follow each other and the limit still holds at commit.
    /// </summary>
    private async Task<bool> LockHolderAsync(Holder owner, CancellationToken cancellationToken)
    {
        if (!owner.IsRoot)
        {
            return await db.Users.LockRowAsync(owner.PrincipalId, cancellationToken);
        }

        var updated = await db.Accounts.Where(a => a.Key == Account.SingletonKey)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.RequireMfa, a => a.RequireMfa), cancellationToken);
        return updated == 1;
    }

    private static IamError? CheckCode(string? code, string field)
    {
        if (code is null)
        {
            return IamError.Validation($"Value at '{field}' failed to satisfy constraint: Member must not be null");
        }

        // IAM's AuthenticationCode: exactly six digits.
        return code.Length == TotpVerifier.CodeLength && code.All(char.IsAsciiDigit)
            ? null
            : IamError.Validation(string.Create(CultureInfo.InvariantCulture,
                $"Value at '{field}' failed to satisfy constraint: Member must be {TotpVerifier.CodeLength} digits"));
    }

    private static IamError InvalidCodes() => new(
        IamErrorCode.InvalidAuthenticationCode, StatusCodes.Status400BadRequest,
        "Authentication codes are not valid: give two consecutive codes that the device shows now, one after the "
        + "other, that were not used before.");

    private static IamError NameTaken(string deviceName) => new(
        IamErrorCode.EntityAlreadyExists, StatusCodes.Status409Conflict,
        $"MFA device with name {deviceName} already exists. Names are unique in the account regardless of case.");

    private static IamError NoSuchDevice(string deviceName, Holder owner) => IamError.NoSuchEntity(
        $"The MFA device with name {deviceName} cannot be found for {owner.UserName}.");

    /// <summary>A holder that exists: its principal id (the user id, or the account id for root).</summary>
    private sealed record Holder(string PrincipalId, string AccountId, string UserName, bool IsRoot);

    private static partial class Log
    {
        [LoggerMessage(4200, LogLevel.Information, "Created pending MFA device {DeviceName} for {UserName}")]
        public static partial void DeviceCreated(ILogger logger, string deviceName, string userName);

        [LoggerMessage(4201, LogLevel.Information, "Enabled MFA device {DeviceName} of {UserName}")]
        public static partial void DeviceEnabled(ILogger logger, string deviceName, string userName);

        [LoggerMessage(4202, LogLevel.Information, "Resynchronised MFA device {DeviceName} of {UserName}")]
        public static partial void DeviceResynced(ILogger logger, string deviceName, string userName);

        [LoggerMessage(4203, LogLevel.Information, "Deleted MFA device {DeviceName} of {UserName}")]
        public static partial void DeviceDeleted(ILogger logger, string deviceName, string userName);

        [LoggerMessage(4204, LogLevel.Warning,
            "Refused the codes for MFA device {DeviceName} of {UserName}: wrong, not consecutive or used before")]
        public static partial void CodesRefused(ILogger logger, string deviceName, string userName);
    }
}
