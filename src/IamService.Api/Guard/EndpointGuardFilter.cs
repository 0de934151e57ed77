using IamService.Api.Common;

namespace IamService.Api.Guard;

/// <summary>
/// The guard of minimal endpoints, which name their action with <see cref="GuardSetup.RequireIamAction"/>. Such an
/// endpoint decides its action itself (<see cref="IamResource.DecidedByEndpoint"/>); this filter admits its caller.
/// </summary>
public sealed class EndpointGuardFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var mapping = http.GetEndpoint()?.Metadata.GetMetadata<IamActionAttribute>();
        var gate = http.RequestServices.GetRequiredService<CallerGate>();
        var admitted = await gate.AdmitAsync(http, mapping, http.RequestAborted);
        return admitted.IsSuccess ? await next(context) : IamProblem.Of(admitted.Error);
    }
}
