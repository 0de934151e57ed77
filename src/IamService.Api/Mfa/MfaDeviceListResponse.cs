namespace IamService.Api.Mfa;

/// <summary>A holder's devices, enabled and pending, ordered by name.</summary>
public sealed record MfaDeviceListResponse(IReadOnlyList<MfaDeviceResponse> MfaDevices);
