using System.Globalization;

namespace IamService.Policies;

/// <summary>How policy and request text is read as a number, date or Boolean for condition operators.</summary>
internal static class ConditionValues
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

    /// <summary>Integers and decimals in invariant notation (IAM: "Numeric condition operators").</summary>
    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>
    /// ISO 8601 dates and times, or epoch seconds (IAM: "Date condition operators"). A time without an offset
    /// is UTC. The result is UTC ticks.
    /// </summary>
    public static bool TryParseDate(string text, out long utcTicks)
    {
        utcTicks = 0;
        if (text.Length > 0 && !text.AsSpan(text[0] == '-' ? 1 : 0).ContainsAnyExceptInRange('0', '9'))
        {
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
                || seconds < DateTimeOffset.MinValue.ToUnixTimeSeconds()
                || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            {
                return false;
            }

            utcTicks = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcTicks;
            return true;
        }

        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (!DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, styles, out var date))
        {
            return false;
        }

        utcTicks = date.UtcTicks;
        return true;
    }

    /// <summary>"true" or "false" in any case (IAM: "Boolean condition operators").</summary>
    public static bool TryParseBoolean(string text, out bool value)
    {
        value = text.Equals("true", StringComparison.OrdinalIgnoreCase);
        return value || text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Base64 text as bytes (IAM: "BinaryEquals").</summary>
    public static byte[]? TryParseBase64(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var buffer = new byte[text.Length * 3 / 4 + 3];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
