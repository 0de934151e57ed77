using IamService.Data;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Common;

/// <summary>
/// The account's 12-digit id, which every ARN contains. It is read from the store once and kept: the id is
/// generated at first start and never changes.
/// </summary>
public sealed class AccountIdProvider(IServiceScopeFactory scopes)
{
    private string? _accountId;

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_accountId is { } known)
        {
            return known;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IamDbContext>();
        var accountId = await db.Accounts.AsNoTracking().Select(a => a.AccountId).SingleAsync(cancellationToken);
        _accountId = accountId;
        return accountId;
    }
}
