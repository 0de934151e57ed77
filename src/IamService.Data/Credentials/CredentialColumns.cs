namespace IamService.Data.Credentials;

/// <summary>Column sizes shared by the credential tables.</summary>
public static class CredentialColumns
{
    /// <summary>Room for any password or secret hash format the service writes.</summary>
    public const int HashLength = 512;

    /// <summary>
    /// The id of whoever holds a credential or session: a user id (<c>AIDA...</c>), a role id (<c>AROA...</c>),
    /// or the 12-digit account id for root.
    /// </summary>
    public const int PrincipalIdLength = 21;

    public const int ArnLength = 2048;

    /// <summary>IPv6 addresses in text form fit in 45 characters.</summary>
    public const int IpLength = 45;
}
