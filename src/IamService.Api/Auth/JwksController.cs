using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.Auth;

/// <summary>
/// The public keys that verify this service's access tokens, for other services to check them offline.
/// </summary>
[ApiController]
[AllowAnonymous]
[Tags("Sign-in")]
public sealed class JwksController(SigningKeyRing keys) : ControllerBase
{
    /// <summary>The JSON Web Key Set (RFC 7517) of every key whose tokens may still be valid.</summary>
    [HttpGet("/.well-known/jwks.json")]
    [Produces("application/json")]
    [ResponseCache(Duration = 300)]
    public async Task<ContentResult> GetAsync(CancellationToken cancellationToken)
    {
        var jwks = await keys.GetPublicJwksAsync(cancellationToken);
        var body = new StringBuilder("{\"keys\":[").AppendJoin(',', jwks).Append("]}").ToString();
        return Content(body, "application/json");
    }
}
