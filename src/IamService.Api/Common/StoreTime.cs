namespace IamService.Api.Common;

internal static class StoreTime
{
    /// <summary>
    /// The current time cut to whole milliseconds, which both providers store exactly, so that what a create
    /// returns equals what a later read returns.
    /// </summary>
    public static DateTimeOffset GetStoreTime(this TimeProvider time)
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
