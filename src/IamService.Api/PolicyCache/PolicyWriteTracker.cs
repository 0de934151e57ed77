using System.Data.Common;
using System.Text.RegularExpressions;
using IamService.Api.Storage;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace IamService.Api.PolicyCache;

/// <summary>
/// Notices commands that write to the tables decisions are made from. On SQLite (one instance, no change
/// feed) it empties the cache at once; on PostgreSQL it marks the request, so that the request waits for the
/// change feed to catch up before it answers (see <see cref="PolicyWriteBarrierMiddleware"/>).
/// </summary>
public sealed partial class PolicyWriteTracker(EffectivePolicyCache cache, IOptions<StorageOptions> storage)
    : DbCommandInterceptor
{
    private static readonly AsyncLocal<RequestMark?> Current = new();

    /// <summary>Starts watching the current request; the mark says afterwards whether it wrote policy data.</summary>
    public static RequestMark Watch() => Current.Value = new RequestMark();

    public override DbDataReader ReaderExecuted(
        DbCommand command,
        CommandExecutedEventData eventData,
        DbDataReader result)
    {
        Notice(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Notice(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Notice(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        int result,
        CancellationToken cancellationToken = default)
    {
        Notice(command);
        return ValueTask.FromResult(result);
    }

    private void Notice(DbCommand command)
    {
        if (!WritesPolicyData(command.CommandText))
        {
            return;
        }

        if (Current.Value is { } mark)
        {
            mark.WrotePolicyData = true;
        }

        if (storage.Value.Provider == StorageProvider.Sqlite)
        {
            // Limitation: on SQLite a write empties the whole policy cache, as no change feed says what it touched.
            cache.Clear();
        }
    }

    internal static bool WritesPolicyData(string sql) => PolicyWrite().IsMatch(sql) || SessionEnd().IsMatch(sql);

    /// <summary>
    /// A write to a table whose triggers announce changes (see the PolicyChangeNotifications migration), its
    /// name quoted or not, as each provider writes it.
    /// </summary>
    [GeneratedRegex(
        """
        (INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?
        (users|user_tags|user_inline_policies|user_policy_attachments|group_memberships
        |groups|group_inline_policies|group_policy_attachments
        |roles|role_tags|role_inline_policies|role_policy_attachments
        |managed_policies|managed_policy_versions)\b
        """,
        RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex PolicyWrite();

    /// <summary>Sessions matter to caches only when they end: an update (revocation) or a delete.</summary>
    [GeneratedRegex("""(UPDATE|DELETE\s+FROM)\s+"?sessions\b""", RegexOptions.IgnoreCase)]
    private static partial Regex SessionEnd();

    /// <summary>Whether a request has written anything decisions depend on.</summary>
    public sealed class RequestMark
    {
        public bool WrotePolicyData { get; set; }
    }
}
