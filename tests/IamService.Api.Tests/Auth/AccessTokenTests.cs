using System.Net;
using System.Text.Json;
using IamService.Api.Tests.Infrastructure;
using IamService.Data.Credentials;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IamService.Api.Tests.Auth;

public sealed class AccessTokenTests : ApiTestBase
{
    [Fact]
    public async Task Root_signs_in_with_a_password_and_gets_an_ES256_token_with_the_session_facts()
    {
        var accountId = await AccountIdAsync();

        var token = new JsonWebToken(await SignInAsRootAsync());

        Assert.Equal("ES256", token.Alg);
        Assert.False(string.IsNullOrEmpty(token.Kid));
        Assert.Equal($"arn:aws:iam::{accountId}:root", token.GetClaim("arn").Value);
        Assert.Equal(accountId, token.Subject);
        Assert.Equal("signIn", token.GetClaim("knd").Value);
        Assert.Equal("pwd", token.GetClaim("amr").Value);
        Assert.True(token.ValidTo > DateTime.UtcNow.AddMinutes(50), "a sign-in token lives about an hour");
        var sessionId = token.GetClaim("sid").Value;
        var session = await WithDbAsync(db => db.Sessions.SingleAsync(s => s.Id == sessionId));
        Assert.Equal(SessionKind.SignIn, session.Kind);
        Assert.Null(session.RevokedAt);
    }

    [Fact]
    public async Task Root_without_an_MFA_device_is_warned_at_sign_in()
    {
        var login = await PostAsync("/api/v1/auth/login", new { userName = "root", password = RootPassword });
        var answer = await OkAsync(login);

        var warning = Assert.Single(answer.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.Contains("MFA", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_published_key_set_verifies_a_token_offline()
    {
        var token = await SignInAsRootAsync();

        var published = await Client.GetAsync("/.well-known/jwks.json");
        var jwks = new JsonWebKeySet(await published.Content.ReadAsStringAsync());
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = "iamservice",
            ValidAudience = "iamservice",
            IssuerSigningKeys = jwks.GetSigningKeys(),
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.All(jwks.Keys, k => Assert.False(k.HasPrivateKey, "only public halves are published"));
    }

    [Fact]
    public async Task Signing_keys_are_stored_with_their_private_half_encrypted()
    {
        await SignInAsRootAsync();

        var key = await WithDbAsync(db => db.SigningKeys.FirstAsync());
        var stored = Convert.FromBase64String(key.ProtectedPrivateKey);
        using var ecdsa = System.Security.Cryptography.ECDsa.Create();
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(
            () => ecdsa.ImportPkcs8PrivateKey(stored, out _));
        using var jwk = JsonDocument.Parse(key.PublicJwk);
        Assert.False(jwk.RootElement.TryGetProperty("d", out _), "the stored JWK is the public half");
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_answer()
    {
        var wrong = await ProblemAsync(
            await PostAsync("/api/v1/auth/login", new { userName = "root", password = "not-the-password" }),
            HttpStatusCode.Unauthorized, "NotAuthenticated");
        var unknown = await ProblemAsync(
            await PostAsync("/api/v1/auth/login", new { userName = Unique("nobody"), password = "whatever-1" }),
            HttpStatusCode.Unauthorized, "NotAuthenticated");

        Assert.Equal(wrong.GetProperty("detail").GetString(), unknown.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Signing_out_ends_the_session_so_the_token_stops_working()
    {
        using var client = ClientWithToken(await SignInAsRootAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/logout", null)).StatusCode);

        var again = await client.PostAsync("/api/v1/auth/logout", null);
        var problem = await ProblemAsync(again, HttpStatusCode.Unauthorized, "NotAuthenticated");
        Assert.Contains("ended", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unsigned")]
    [InlineData("claims changed")]
    [InlineData("signature changed")]
    [InlineData("signed with a shared secret")]
    public async Task A_forged_or_tampered_token_is_refused(string forgery)
    {
        var genuine = await SignInAsRootAsync();
        using var works = ClientWithToken(genuine);
        Assert.Equal(HttpStatusCode.OK, (await works.GetAsync("/api/v1/users")).StatusCode);
        var parts = genuine.Split('.');
        var claims = Base64UrlEncoder.Decode(parts[1]);

        var forged = forgery switch
        {
            "unsigned" => $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{parts[1]}.",
            "claims changed" =>
                $"{parts[0]}.{Base64UrlEncoder.Encode(claims.Replace("\"pwd\"", "\"mfa\""))}.{parts[2]}",
            "signature changed" => $"{parts[0]}.{parts[1]}.{Base64UrlEncoder.Encode(new byte[64])}",
            _ => new JsonWebTokenHandler().CreateToken(claims, new SigningCredentials(
                new SymmetricSecurityKey(new byte[32]) { KeyId = new JsonWebToken(genuine).Kid },
                SecurityAlgorithms.HmacSha256)),
        };

        using var client = ClientWithToken(forged);
        await ProblemAsync(await client.GetAsync("/api/v1/users"), HttpStatusCode.Unauthorized, "NotAuthenticated");
    }
}
