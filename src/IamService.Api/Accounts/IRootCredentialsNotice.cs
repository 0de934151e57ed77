namespace IamService.Api.Accounts;

/// <summary>
/// Shows an operator root's generated password, once. It never goes through logging: logs are kept
/// and shipped, and a secret must not be in them.
/// </summary>
public interface IRootCredentialsNotice
{
    void ShowGeneratedPassword(string accountId, string password);
}
