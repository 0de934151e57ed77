using IamService.Api.Auth;
using IamService.Api.Common;
using IamService.Api.Guard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.Mfa;

/// <summary>
/// Root's own virtual MFA device. Only root, signed in, manages it (as in IAM, no other principal can), so
/// these endpoints answer 401 without a token and 403 to anyone else.
/// </summary>
[Tags("MFA devices")]
[Authorize]
[Route("api/v1/account/root/mfa-devices")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemContentType)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemContentType)]
public sealed class RootMfaDevicesController(MfaDeviceService devices) : IamControllerBase
{
    /// <summary>
    /// Creates a pending virtual MFA device for root and returns, this once only, its seed, its
    /// <c>otpauth://</c> URI and that URI as a QR code. A pending device of root is replaced.
    /// </summary>
    /// <response code="201">Created; show the QR code to root's authenticator app.</response>
    [HttpPost]
    [IamAction("iam:CreateVirtualMFADevice", Resource = IamResource.NewMfaDevice)]
    [ProducesResponseType<CreatedMfaDeviceResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult<CreatedMfaDeviceResponse>> Create(
        CreateMfaDeviceRequest request,
        CancellationToken cancellationToken) =>
        CreatedOrProblem(await devices.CreateAsync(Root, request, cancellationToken), nameof(List), _ => new { });

    /// <summary>Lists root's devices, pending and enabled, with their enable date; never a seed.</summary>
    [HttpGet]
    [IamAction("iam:ListMFADevices", Resource = IamResource.Caller)]
    [ProducesResponseType<MfaDeviceListResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<MfaDeviceListResponse>> List(CancellationToken cancellationToken) =>
        OkOrProblem(await devices.ListAsync(Root, cancellationToken));

    /// <summary>Enables root's pending device with two consecutive codes from it.</summary>
    /// <response code="200">Enabled.</response>
    /// <response code="400">The codes are malformed or not two consecutive current codes.</response>
    [HttpPost("{deviceName}/enable")]
    [IamAction("iam:EnableMFADevice", Resource = IamResource.Caller)]
    [ProducesResponseType<MfaDeviceResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult<MfaDeviceResponse>> Enable(
        string deviceName,
        MfaCodesRequest request,
        CancellationToken cancellationToken) =>
        OkOrProblem(await devices.EnableAsync(Root, deviceName, request, cancellationToken));

    /// <summary>Resynchronises root's enabled device with two consecutive unused codes.</summary>
    /// <response code="204">Resynchronised; the two codes are spent.</response>
    /// <response code="400">The codes are malformed, wrong, not consecutive or already used.</response>
    [HttpPost("{deviceName}/resync")]
    [IamAction("iam:ResyncMFADevice", Resource = IamResource.Caller)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult> Resync(
        string deviceName,
        MfaCodesRequest request,
        CancellationToken cancellationToken) =>
        NoContentOrProblem(await devices.ResyncAsync(Root, deviceName, request, cancellationToken));

    /// <summary>Deactivates and deletes root's device, pending or enabled.</summary>
    [HttpDelete("{deviceName}")]
    [IamAction("iam:DeactivateMFADevice", Resource = IamResource.Caller)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult> Delete(string deviceName, CancellationToken cancellationToken) =>
        NoContentOrProblem(await devices.DeleteAsync(Root, deviceName, cancellationToken));

    private MfaDeviceHolder Root => MfaDeviceHolder.ForRoot(HttpContext.GetCaller());
}
