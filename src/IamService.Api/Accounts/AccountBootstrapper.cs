using System.Security.Cryptography;
using IamService.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IamService.Api.Accounts;

/// <summary>Creates the account and its root user on first start; never touches them afterwards.</summary>
internal sealed partial class AccountBootstrapper(
    IamDbContext db,
    IPasswordHasher<RootUser> hasher,
    IRootCredentialsNotice notice,
    IOptions<AccountBootstrapOptions> options,
    TimeProvider time,
    ILogger<AccountBootstrapper> logger)
{
    private const int GeneratedPasswordLength = 32;

    // Every character class is drawn from so that the password satisfies any password policy an
    // administrator may set later; look-alike characters (0/O, 1/l/I) are left out for people copying it.
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Symbols = "!#%+-.:=?@^_~";

    public async Task EnsureAccountAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            Log.AccountFound(logger, existing.AccountId);
            return;
        }

        var now = time.GetUtcNow();
        var configured = options.Value.RootPassword;
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
        var account = new Account { AccountId = GenerateAccountId(), CreateDate = now };
        var root = new RootUser { PasswordHash = "", CreateDate = now, PasswordLastChanged = now };
        root.PasswordHash = hasher.HashPassword(root, password);

        db.Accounts.Add(account);
        db.RootUsers.Add(root);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await AccountExistsAsync(cancellationToken))
            {
                throw;
            }

            // Another instance sharing the database created the account first; theirs stands.
            Log.AccountCreatedElsewhere(logger);
            return;
        }

        Log.AccountCreated(logger, account.AccountId);
        if (string.IsNullOrEmpty(configured))
        {
            notice.ShowGeneratedPassword(account.AccountId, password);
        }
        else
        {
            Log.RootPasswordFromConfiguration(logger, AccountBootstrapOptions.RootPasswordKey);
        }

        Log.RootIsForSetUpOnly(logger);
    }

    private async Task<bool> AccountExistsAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Accounts.AnyAsync(cancellationToken);
    }

    internal static string GenerateAccountId() => RandomNumberGenerator.GetString("0123456789", 12);

    internal static string GeneratePassword()
    {
        const string all = Lower + Upper + Digits + Symbols;
        Span<char> chars = stackalloc char[GeneratedPasswordLength];
        RandomNumberGenerator.GetItems(all, chars);
        chars[0] = RandomNumberGenerator.GetItems<char>(Lower, 1)[0];
        chars[1] = RandomNumberGenerator.GetItems<char>(Upper, 1)[0];
        chars[2] = RandomNumberGenerator.GetItems<char>(Digits, 1)[0];
        chars[3] = RandomNumberGenerator.GetItems<char>(Symbols, 1)[0];
        RandomNumberGenerator.Shuffle(chars);
        return new string(chars);
    }

    private static partial class Log
    {
        [LoggerMessage(1100, LogLevel.Information, "Account {AccountId} found; root user left as it is")]
        public static partial void AccountFound(ILogger logger, string accountId);

        [LoggerMessage(1101, LogLevel.Information, "Created account {AccountId} and its root user")]
        public static partial void AccountCreated(ILogger logger, string accountId);

        [LoggerMessage(1102, LogLevel.Information, "Another instance created the account first; using it")]
        public static partial void AccountCreatedElsewhere(ILogger logger);

        [LoggerMessage(1103, LogLevel.Information, "Root's first password was taken from {Key}")]
        public static partial void RootPasswordFromConfiguration(ILogger logger, string key);

        [LoggerMessage(1104, LogLevel.Warning,
            "The root user is for set-up only: create an administrator, give root an MFA device and stop using it")]
        public static partial void RootIsForSetUpOnly(ILogger logger);
    }
}
