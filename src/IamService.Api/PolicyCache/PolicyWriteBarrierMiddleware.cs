namespace IamService.Api.PolicyCache;

/// <summary>
/// Holds back the answer to a request that changed policy data until this instance's cache has seen the
/// change, so a client that writes and then asks for a decision never gets one made before its write.
/// </summary>
public sealed class PolicyWriteBarrierMiddleware(RequestDelegate next, PostgresChangeFeed feed)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mark = PolicyWriteTracker.Watch();
        context.Response.OnStarting(async () =>
        {
            if (mark.WrotePolicyData)
            {
                await feed.CatchUpAsync(context.RequestAborted);
            }
        });
        await next(context);
    }
}
