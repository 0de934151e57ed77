using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace IamService.Client.Tests;

public sealed class IamClientTests : ClientTestBase
{
    [Fact]
    public async Task Authorize_allowed_by_an_inline_policy_names_the_statement_and_denies_elsewhere()
    {
        var service = await ServiceUserAsync();
        var user = Unique("ann");
        await CreateUserAsync(user);
        await PutInlineAsync($"users/{user}", "read-reports", Allow("s3:GetObject", "arn:aws:s3:::reports/*"));
        await using var services = CallerServices(o => (o.UserName, o.Password) = (service, UserPassword));
        var iam = services.GetRequiredService<IamClient>();

        var allowed = await iam.AuthorizeAsync(
            AuthorizeRequest.ForPrincipal(UserArn(user), "s3:GetObject", "arn:aws:s3:::reports/q3.pdf"));
        var elsewhere = await iam.AuthorizeAsync(
            AuthorizeRequest.ForPrincipal(UserArn(user), "s3:GetObject", "arn:aws:s3:::payroll/q3.pdf"));

        Assert.True(allowed.IsAllowed);
        Assert.Equal(IamDecision.Allowed, allowed.Decision);
        var statement = Assert.Single(allowed.MatchedStatements);
        Assert.Equal(("read-reports", "identity", "Allow", 0),
            (statement.PolicyName, statement.SourcePolicyType, statement.Effect, statement.StatementIndex));
        Assert.False(elsewhere.IsAllowed);
        Assert.Equal(IamDecision.ImplicitDeny, elsewhere.Decision);
        Assert.Empty(elsewhere.MatchedStatements);
    }

    [Fact]
    public async Task Authorize_reports_an_explicit_deny_with_the_denying_statement()
    {
        var service = await ServiceUserAsync();
        var user = Unique("eve");
        await CreateUserAsync(user);
        await PutInlineAsync($"users/{user}", "all-s3", Allow("s3:*"));
        await PutInlineAsync($"users/{user}", "no-delete", Allow("s3:DeleteObject", effect: "Deny"));
        await using var services = CallerServices(o => (o.UserName, o.Password) = (service, UserPassword));

        var answer = await services.GetRequiredService<IamClient>()
            .AuthorizeAsync(AuthorizeRequest.ForPrincipal(UserArn(user), "s3:DeleteObject", "arn:aws:s3:::b/k"));

        Assert.Equal(IamDecision.ExplicitDeny, answer.Decision);
        Assert.Contains(answer.MatchedStatements, s => s.PolicyName == "no-delete" && s.Effect == "Deny");
    }

    [Fact]
    public async Task Authorize_sends_strings_numbers_booleans_and_lists_to_the_conditions()
    {
        var service = await ServiceUserAsync();
        var user = Unique("nia");
        await CreateUserAsync(user);
        await PutInlineAsync($"users/{user}", "typed", Allow("ec2:RunInstances", condition: """
            {"NumericLessThan":{"ec2:count":"5"},"Bool":{"app:approved":"true"},
             "ForAllValues:StringEquals":{"aws:TagKeys":["team","env"]},"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}
            """));
        await using var services = CallerServices(o => (o.UserName, o.Password) = (service, UserPassword));
        var iam = services.GetRequiredService<IamClient>();
        Task<AuthorizeResponse> AskAsync(Dictionary<string, ContextValue> context) => iam.AuthorizeAsync(
            AuthorizeRequest.ForPrincipal(UserArn(user), "ec2:RunInstances", "*") with { Context = context });

        var allowed = await AskAsync(new()
        {
            ["ec2:count"] = 3,
            ["app:approved"] = true,
            ["aws:TagKeys"] = new[] { "team" },
            ["aws:SourceIp"] = "10.1.2.3",
        });
        var tooMany = await AskAsync(new()
        {
            ["ec2:count"] = 9,
            ["app:approved"] = true,
            ["aws:TagKeys"] = new[] { "team" },
            ["aws:SourceIp"] = "10.1.2.3",
        });
        var noIp = await AskAsync(new()
        {
            ["ec2:count"] = ContextValue.FromNumber(3),
            ["app:approved"] = ContextValue.FromBoolean(true),
            ["aws:TagKeys"] = ContextValue.FromList(["team"]),
        });

        Assert.Equal(IamDecision.Allowed, allowed.Decision);
        Assert.Equal(IamDecision.ImplicitDeny, tooMany.Decision);
        Assert.Equal(IamDecision.ImplicitDeny, noIp.Decision);
        Assert.Equal("aws:SourceIp", Assert.Single(noIp.MissingContextValues));
    }

    [Fact]
    public async Task Authorize_with_a_subject_token_decides_for_the_user_who_signed_in()
    {
        var service = await ServiceUserAsync();
        var user = Unique("sam");
        var token = await SignedInUserAsync(user);
        await PutInlineAsync($"users/{user}", "get", Allow("s3:GetObject"));
        await using var services = CallerServices(o => (o.UserName, o.Password) = (service, UserPassword));
        var iam = services.GetRequiredService<IamClient>();

        var get = await iam.AuthorizeAsync(AuthorizeRequest.ForSubjectToken(token, "s3:GetObject", "*"));
        var put = await iam.AuthorizeAsync(AuthorizeRequest.ForSubjectToken(token, "s3:PutObject", "*"));

        Assert.Equal(IamDecision.Allowed, get.Decision);
        Assert.Equal(IamDecision.ImplicitDeny, put.Decision);
    }

    [Fact]
    public async Task AuthorizeBatch_answers_in_order_with_errors_in_their_place()
    {
        var service = await ServiceUserAsync();
        var user = Unique("bat");
        await CreateUserAsync(user);
        await PutInlineAsync($"users/{user}", "get", Allow("s3:GetObject"));
        await using var services = CallerServices(o => (o.UserName, o.Password) = (service, UserPassword));

        var results = await services.GetRequiredService<IamClient>().AuthorizeBatchAsync(
        [
            AuthorizeRequest.ForPrincipal(UserArn(user), "s3:PutObject", "*"),
            AuthorizeRequest.ForPrincipal(UserArn(Unique("nobody")), "s3:GetObject", "*"),
            AuthorizeRequest.ForPrincipal(UserArn(user), "s3:GetObject", "*"),
        ]);

        Assert.Equal(3, results.Count);
        Assert.Equal(IamDecision.ImplicitDeny, results[0].Result?.Decision);
        Assert.Null(results[1].Result);
        Assert.Equal("NoSuchEntity", results[1].ErrorCode);
        Assert.False(string.IsNullOrEmpty(results[1].ErrorMessage));
        Assert.Equal(IamDecision.Allowed, results[2].Result?.Decision);
    }

    [Fact]
    public async Task AuthorizeBatch_of_more_than_100_requests_is_refused_before_it_is_sent()
    {
        await using var services = CallerServices(o => (o.UserName, o.Password) = ("unused", "unused"));
        var one = AuthorizeRequest.ForPrincipal(UserArn("x"), "s3:GetObject", "*");
        var requests = Enumerable.Repeat(one, IamClient.MaxBatchSize + 1).ToList();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => services.GetRequiredService<IamClient>().AuthorizeBatchAsync(requests));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => services.GetRequiredService<IamClient>().AuthorizeBatchAsync([]));
    }

    [Fact]
    public async Task An_unknown_principal_is_a_NoSuchEntity_exception_with_the_problem_details()
    {
        var service = await ServiceUserAsync();
        var nobody = UserArn(Unique("nobody"));
        await using var services = CallerServices(o => (o.UserName, o.Password) = (service, UserPassword));

        var error = await Assert.ThrowsAsync<IamServiceException>(() => services.GetRequiredService<IamClient>()
            .AuthorizeAsync(AuthorizeRequest.ForPrincipal(nobody, "s3:GetObject", "*")));

        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.Equal("NoSuchEntity", error.Code);
        Assert.Contains(nobody, error.Detail, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.TraceId));
    }

    [Fact]
    public async Task A_service_without_iam_Authorize_gets_an_AccessDenied_exception()
    {
        var service = await ServiceUserAsync(mayAuthorize: false);
        var user = Unique("ann");
        await CreateUserAsync(user);
        await using var services = CallerServices(o => (o.UserName, o.Password) = (service, UserPassword));

        var error = await Assert.ThrowsAsync<IamServiceException>(() => services.GetRequiredService<IamClient>()
            .AuthorizeAsync(AuthorizeRequest.ForPrincipal(UserArn(user), "s3:GetObject", "*")));

        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Equal("AccessDenied", error.Code);
        Assert.Contains("iam:Authorize", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_provider_is_asked_for_every_call_instead_of_signing_in()
    {
        var rootToken = await SignInAsRootAsync();
        var user = Unique("ann");
        await CreateUserAsync(user);
        var asked = 0;
        await using var services = CallerServices(o => o.AccessTokenProvider = (_, _) =>
        {
            Interlocked.Increment(ref asked);
            return ValueTask.FromResult(rootToken);
        });
        var iam = services.GetRequiredService<IamClient>();

        await iam.AuthorizeAsync(AuthorizeRequest.ForPrincipal(UserArn(user), "s3:GetObject", "*"));
        var answer = await iam.AuthorizeAsync(AuthorizeRequest.ForPrincipal(UserArn(user), "s3:GetObject", "*"));

        Assert.Equal(IamDecision.ImplicitDeny, answer.Decision);
        Assert.Equal(2, asked);
    }

    [Fact]
    public void A_request_prints_without_its_subject_token()
    {
        var request = AuthorizeRequest.ForSubjectToken("secret-token-value", "s3:GetObject", "*");

        var printed = request.ToString();

        Assert.DoesNotContain("secret-token-value", printed, StringComparison.Ordinal);
        Assert.Contains("s3:GetObject", printed, StringComparison.Ordinal);
    }
}
