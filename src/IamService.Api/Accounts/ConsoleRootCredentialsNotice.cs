namespace IamService.Api.Accounts;

/// <summary>Writes root's generated password to standard output with a warning about how root is to be used.</summary>
internal sealed class ConsoleRootCredentialsNotice : IRootCredentialsNotice
{
    public void ShowGeneratedPassword(string accountId, string password)
    {
        var rule = new string('=', 78);
        Console.Out.Write(
            $"""

            {rule}
             IamService created account {accountId} and its root user.

               user name: root
               password:  {password}

             Sign in with POST /api/v1/auth/login (or in Swagger UI at /swagger) with this
             user name and password, and send the accessToken as "Authorization: Bearer ...".

             This password is shown only this once and is stored only as a hash: keep it now.
             Root can do everything and cannot be restricted by policies. Use it only to set
             up the account (create an administrator user and group), give it an MFA device,
             then stop using it. Set IAM_ROOT_PASSWORD before the first start to choose the
             password yourself.
            {rule}


            """);
        Console.Out.Flush();
    }
}
