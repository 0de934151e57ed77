using IamService.Api.Common;
using IamService.Api.Guard;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.Mfa;

/// <summary>A user's virtual MFA devices (TOTP, RFC 6238).</summary>
[Tags("MFA devices")]
public sealed class UserMfaDevicesController(MfaDeviceService devices) : IamControllerBase
{
    /// <summary>
    /// Creates a pending virtual MFA device for the user (IAM CreateVirtualMFADevice) and returns, this once
    /// only, its seed, its <c>otpauth://</c> URI and that URI as a QR code. A pending device of the user is
    /// replaced; the device signs in only once enabled.
    /// </summary>
    /// <response code="201">Created; show the QR code to the user's authenticator app.</response>
    [HttpPost("users/{userName}/mfa-devices")]
    [IamAction("iam:CreateVirtualMFADevice",
        Resource = IamResource.NewMfaDevice,
        SetupStep = CredentialSetupStep.EnrolMfa)]
    [ProducesResponseType<CreatedMfaDeviceResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult<CreatedMfaDeviceResponse>> Create(
        string userName,
        CreateMfaDeviceRequest request,
        CancellationToken cancellationToken) =>
        CreatedOrProblem(
            await devices.CreateAsync(MfaDeviceHolder.ForUser(userName), request, cancellationToken),
            nameof(List),
            _ => new { userName });

    /// <summary>
    /// Lists the user's devices, pending and enabled, with their enable date (IAM ListMFADevices); never a seed.
    /// </summary>
    [HttpGet("users/{userName}/mfa-devices")]
    [IamAction("iam:ListMFADevices", Resource = IamResource.User)]
    [ProducesResponseType<MfaDeviceListResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<MfaDeviceListResponse>> List(string userName, CancellationToken cancellationToken) =>
        OkOrProblem(await devices.ListAsync(MfaDeviceHolder.ForUser(userName), cancellationToken));

    /// <summary>
    /// Enables a pending device with two consecutive codes from it (IAM EnableMFADevice). From then on the user
    /// signs in with a code from the device.
    /// </summary>
    /// <response code="200">Enabled.</response>
    /// <response code="400">The codes are malformed (ValidationError) or not two consecutive current codes
    /// (InvalidAuthenticationCode).</response>
    [HttpPost("users/{userName}/mfa-devices/{deviceName}/enable")]
    [IamAction("iam:EnableMFADevice", Resource = IamResource.User, SetupStep = CredentialSetupStep.EnrolMfa)]
    [ProducesResponseType<MfaDeviceResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult<MfaDeviceResponse>> Enable(
        string userName,
        string deviceName,
        MfaCodesRequest request,
        CancellationToken cancellationToken) =>
        OkOrProblem(
            await devices.EnableAsync(MfaDeviceHolder.ForUser(userName), deviceName, request, cancellationToken));

    /// <summary>Resynchronises an enabled device with two consecutive unused codes (IAM ResyncMFADevice).</summary>
    /// <response code="204">Resynchronised; the two codes are spent.</response>
    /// <response code="400">The codes are malformed, wrong, not consecutive or already used.</response>
    [HttpPost("users/{userName}/mfa-devices/{deviceName}/resync")]
    [IamAction("iam:ResyncMFADevice", Resource = IamResource.User)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult> Resync(
        string userName,
        string deviceName,
        MfaCodesRequest request,
        CancellationToken cancellationToken) =>
        NoContentOrProblem(
            await devices.ResyncAsync(MfaDeviceHolder.ForUser(userName), deviceName, request, cancellationToken));

    /// <summary>Deactivates and deletes a device, pending or enabled; the user then signs in without it.</summary>
    [HttpDelete("users/{userName}/mfa-devices/{deviceName}")]
    [IamAction("iam:DeactivateMFADevice", Resource = IamResource.User)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult> Delete(string userName, string deviceName, CancellationToken cancellationToken) =>
        NoContentOrProblem(await devices.DeleteAsync(MfaDeviceHolder.ForUser(userName), deviceName, cancellationToken));
}
