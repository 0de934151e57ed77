using IamService.Api.Guard;
using IamService.Data;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.AccountSettings;

/// <summary>Reads and writes the account-wide settings, kept on the account's single row.</summary>
public sealed partial class AccountSettingsService(
    IamDbContext db,
    RequireMfaSetting requireMfa,
    ILogger<AccountSettingsService> logger)
{
    public async Task<AccountSettingsResponse> GetAsync(CancellationToken cancellationToken)
    {
        var requireMfa = await db.Accounts.AsNoTracking().Select(a => a.RequireMfa).SingleAsync(cancellationToken);
        return new AccountSettingsResponse { RequireMfa = requireMfa };
    }

    public async Task<AccountSettingsResponse> UpdateAsync(
        AccountSettingsRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await db.Accounts.Where(a => a.Key == Account.SingletonKey)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.RequireMfa, request.RequireMfa), cancellationToken);
        requireMfa.Invalidate();

        Log.RequireMfaSet(logger, request.RequireMfa);
        return new AccountSettingsResponse { RequireMfa = request.RequireMfa };
    }

    private static partial class Log
    {
        [LoggerMessage(4300, LogLevel.Information, "Account setting requireMfa set to {RequireMfa}")]
        public static partial void RequireMfaSet(ILogger logger, bool requireMfa);
    }
}
