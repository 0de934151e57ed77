using System.Globalization;
using IamService.Api.Common;

namespace IamService.Api.Sts;

/// <summary>Reads the <c>durationSeconds</c> of an STS request.</summary>
internal static class StsDuration
{
    /// <summary>STS's shortest session, 15 minutes, for every kind.</summary>
    public const int MinSeconds = 900;

    public static Result<TimeSpan> Read(int? requested, int defaultSeconds, int maxSeconds)
    {
        var seconds = requested ?? defaultSeconds;
        if (seconds is < MinSeconds || seconds > maxSeconds)
        {
            return IamError.Validation(string.Create(
                CultureInfo.InvariantCulture,
                $"Value '{seconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value "
                + $"between {MinSeconds} and {maxSeconds}"));
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
