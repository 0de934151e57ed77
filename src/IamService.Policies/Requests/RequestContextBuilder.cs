using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace IamService.Policies;

/// <summary>
/// Builds a <see cref="RequestContext"/>. Adding a key that is already present replaces its values; keys
/// compare without case.
/// </summary>
public sealed class RequestContextBuilder
{
    // Room for the keys a decision adds about the principal, the session and the time, plus a request's own.
    private const int Capacity = 16;

    // Handed to the context that Build makes; copied before the builder changes it again.
    private Dictionary<string, ContextEntry>? _entries;
    private bool _shared;

    /// <summary>The current time's keys, aws:CurrentTime and aws:EpochTime, shared while the second lasts.</summary>
    private static TimeEntries? lastTime;

    private Dictionary<string, ContextEntry> Entries
    {
        get
        {
            if (_shared)
            {
                _entries = new Dictionary<string, ContextEntry>(_entries!, StringComparer.OrdinalIgnoreCase);
                _shared = false;
            }

            return _entries ??= new(Capacity, StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>Adds a single-valued string key.</summary>
    public RequestContextBuilder Add(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Set(key, ContextKeyType.String, [ContextValue.FromText(value)]);
    }

    /// <summary>Adds a multivalued string key (stringList); an empty list is a present but empty key.</summary>
    public RequestContextBuilder Add(string key, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Set(key, ContextKeyType.StringList, [.. values.Select(ContextValue.FromText)]);
    }

    public RequestContextBuilder AddNumber(string key, double value) =>
        Set(key, ContextKeyType.Numeric, [ContextValue.FromText(value.ToString("R", CultureInfo.InvariantCulture))]);

    public RequestContextBuilder AddBoolean(string key, bool value) =>
        Set(key, ContextKeyType.Boolean, [ContextValue.FromText(value ? "true" : "false")]);

    public RequestContextBuilder AddDate(string key, DateTimeOffset value) =>
        Set(key, ContextKeyType.Date, [ContextValue.FromText(FormatDate(value))]);

    public RequestContextBuilder AddIpAddress(string key, IPAddress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Set(key, ContextKeyType.Ip, [ContextValue.FromText(value.ToString())]);
    }

    public RequestContextBuilder AddBinary(string key, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Set(key, ContextKeyType.Binary, [ContextValue.FromBinary([.. value])]);
    }

    /// <summary>
    /// Adds a key given as text with a simulator-style type; each value must read as that type (numbers in
    /// invariant notation, ISO 8601 or epoch-second dates, "true"/"false", IP addresses, base64). A
    /// single-valued type takes exactly one value.
    /// </summary>
    public bool TryAdd(
        string key,
        ContextKeyType type,
        IReadOnlyList<string> values,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(values);

        var entry = new ContextEntry(type, [.. values.Select(ContextValue.FromText)]);
        if (!entry.IsList && entry.Values.Length != 1)
        {
            error = $"Context key '{key}' has type {type}, which takes exactly one value; "
                + "use the list type for several.";
            return false;
        }

        foreach (var value in entry.Values)
        {
            if (!Reads(value, type))
            {
                error = $"Context key '{key}' has type {type}, but '{value.Text}' is not a value of that type.";
                return false;
            }
        }

        Entries[key] = entry;
        error = null;
        return true;
    }

    /// <summary>Like <see cref="TryAdd"/>, but throws when a value does not read as the type.</summary>
    public RequestContextBuilder Add(string key, ContextKeyType type, params string[] values)
    {
        if (!TryAdd(key, type, values, out var error))
        {
            throw new ArgumentException(error, nameof(values));
        }

        return this;
    }

    /// <summary>
    /// Fills the standard keys IAM derives from the caller (IAM: "AWS global condition context keys"):
    /// aws:PrincipalArn (the role for a role session), aws:PrincipalAccount, aws:PrincipalType, aws:userid, and
    /// aws:username for IAM users. aws:PrincipalTag/KEY needs no filling: conditions read the principal's tags.
    /// </summary>
    public RequestContextBuilder AddPrincipalKeys(RequestPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var entries = Entries;
        foreach (var (key, entry) in principal.KeyEntries)
        {
            entries[key] = entry;
        }

        return this;
    }

    /// <summary>
    /// Adds aws:CurrentTime and aws:EpochTime for <paramref name="now"/>, to the second; requests within the same
    /// second share their values.
    /// </summary>
    public RequestContextBuilder AddCurrentTime(DateTimeOffset now)
    {
        var second = now.ToUnixTimeSeconds();
        var time = lastTime;
        if (time is null || time.Second != second)
        {
            lastTime = time = new TimeEntries(
                second,
                new ContextEntry(ContextKeyType.Date, [ContextValue.FromText(FormatDate(
                    DateTimeOffset.FromUnixTimeSeconds(second)))]),
                new ContextEntry(ContextKeyType.Numeric, [ContextValue.FromText(
                    second.ToString(CultureInfo.InvariantCulture))]));
        }

        var entries = Entries;
        entries["aws:CurrentTime"] = time.CurrentTime;
        entries["aws:EpochTime"] = time.EpochTime;
        return this;
    }

    /// <summary>The context, which takes the keys without copying them; a builder used again copies first.</summary>
    public RequestContext Build()
    {
        var entries = Entries;
        _shared = true;
        return new RequestContext(entries);
    }

    private RequestContextBuilder Set(string key, ContextKeyType type, ContextValue[] values)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Entries[key] = new ContextEntry(type, values);
        return this;
    }

    private static bool Reads(ContextValue value, ContextKeyType type) => type switch
    {
        ContextKeyType.Numeric or ContextKeyType.NumericList => value.HasNumber,
        ContextKeyType.Boolean or ContextKeyType.BooleanList => value.HasBoolean,
        ContextKeyType.Ip or ContextKeyType.IpList => value.HasIp,
        ContextKeyType.Binary or ContextKeyType.BinaryList => value.Binary is not null,
        ContextKeyType.Date or ContextKeyType.DateList => value.HasDate,
        _ => true,
    };

    private static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private sealed record TimeEntries(long Second, ContextEntry CurrentTime, ContextEntry EpochTime);
}
