using Microsoft.AspNetCore.DataProtection;

namespace IamService.Api.Mfa;

/// <summary>Encrypts TOTP seeds at rest with Data Protection, whose key ring every instance shares.</summary>
public sealed class MfaSeedProtector(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("IamService.MfaSeeds.v1");

    public string Protect(byte[] seed) => Convert.ToBase64String(protector.Protect(seed));

    public byte[] Unprotect(string protectedSeed) => protector.Unprotect(Convert.FromBase64String(protectedSeed));
}
