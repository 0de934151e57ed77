namespace IamService.Client;

/// <summary>
/// Where IamService is and how the calling service signs in to it: a user name and password, or a provider of
/// access tokens.
/// </summary>
public sealed class IamClientOptions
{
    /// <summary>IamService's address, such as <c>https://iam.example.com/</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The calling service's user; it signs in with <see cref="Password"/> and reuses the token.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Instead of a password: gives an access token for each call (and is itself responsible for
    /// caching it).</summary>
    public Func<IServiceProvider, CancellationToken, ValueTask<string>>? AccessTokenProvider { get; set; }

    /// <summary>
    /// How long before its expiry a signed-in token is replaced; at most half the token's lifetime is used, so a
    /// short-lived token is still reused.
    /// </summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(5);
}
