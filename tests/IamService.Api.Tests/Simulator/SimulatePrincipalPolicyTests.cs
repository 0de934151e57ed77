using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IamService.Api.Tests.Decisions;

namespace IamService.Api.Tests.Simulator;

public sealed class SimulatePrincipalPolicyTests : DecisionTestBase
{
    [Fact]
    public async Task Each_matched_statement_names_the_managed_policy_version_inline_owner_and_group_it_came_from()
    {
        var user = Unique("sim-ann");
        var group = Unique("sim-readers");
        var policy = Unique("sim-read");
        await CreateUserAsync(user);
        await CreateGroupAsync(group);
        await AddToGroupAsync(group, user);
        await CreatePolicyAsync(policy, document: Allow("s3:GetObject", "arn:aws:s3:::reports/*"));
        await AttachAsync($"groups/{group}", policy);
        await PutInlineAsync($"users/{user}", "no-delete", Allow("s3:DeleteObject", effect: "Deny"));

        var results = await SimulateAsync(new
        {
            policySourceArn = UserArn(user),
            actionNames = new[] { "s3:GetObject", "s3:DeleteObject", "s3:PutObject" },
            resourceArns = new[] { "arn:aws:s3:::reports/q3.pdf" },
        });

        Assert.Equal(["allowed", "explicitDeny", "implicitDeny"], results.Select(r => Decision(r)));
        var managed = Assert.Single(results[0].GetProperty("matchedStatements").EnumerateArray());
        Assert.Equal($"arn:aws:iam::{Account}:policy/{policy}", managed.GetProperty("policyArn").GetString());
        Assert.Equal("v1", managed.GetProperty("versionId").GetString());
        Assert.Equal(group, managed.GetProperty("groupName").GetString());
        var inline = Assert.Single(results[1].GetProperty("matchedStatements").EnumerateArray());
        Assert.Equal("no-delete", inline.GetProperty("policyName").GetString());
        Assert.Equal(user, inline.GetProperty("ownerName").GetString());
        Assert.Equal("Deny", inline.GetProperty("effect").GetString());
    }

    [Fact]
    public async Task A_stored_boundary_caps_the_result_and_is_reported()
    {
        var role = Unique("sim-role");
        var boundary = Unique("sim-boundary");
        await CreateRoleAsync(role);
        await PutInlineAsync($"roles/{role}", "all-s3", Allow("s3:*"));
        var created = await CreatePolicyAsync(boundary, document: Allow("s3:GetObject"));
        var set = await PutAsync($"/api/v1/roles/{role}/permissions-boundary",
            new { policyArn = created.GetProperty("arn").GetString() });
        Assert.True(set.IsSuccessStatusCode, await set.Content.ReadAsStringAsync());

        var results = await SimulateAsync(new
        {
            policySourceArn = $"arn:aws:iam::{Account}:role/{role}",
            actionNames = new[] { "s3:GetObject", "s3:PutObject" },
        });

        Assert.Equal("allowed", Decision(results[0]));
        Assert.True(BoundaryAllowed(results[0]));
        Assert.Equal("implicitDeny", Decision(results[1]));
        Assert.False(BoundaryAllowed(results[1]));
        Assert.Contains(results[0].GetProperty("matchedStatements").EnumerateArray(),
            m => m.GetProperty("sourcePolicyType").GetString() == "permissionsBoundary");
    }

    [Fact]
    public async Task A_group_is_simulated_with_its_own_policies_and_extra_documents_are_added()
    {
        var group = Unique("sim-group");
        await CreateGroupAsync(group);
        await PutInlineAsync($"groups/{group}", "read", Allow("s3:GetObject"));

        var results = await SimulateAsync(new
        {
            policySourceArn = $"arn:aws:iam::{Account}:group/{group}",
            policyInputList = new[] { Allow("sqs:SendMessage") },
            actionNames = new[] { "s3:GetObject", "sqs:SendMessage", "sns:Publish" },
        });

        Assert.Equal(["allowed", "allowed", "implicitDeny"], results.Select(r => Decision(r)));
        var fromGroup = Assert.Single(results[0].GetProperty("matchedStatements").EnumerateArray());
        Assert.Equal(group, fromGroup.GetProperty("groupName").GetString());
        var extra = Assert.Single(results[1].GetProperty("matchedStatements").EnumerateArray());
        Assert.Equal("identity", extra.GetProperty("sourcePolicyType").GetString());
        Assert.False(extra.TryGetProperty("policyArn", out _), "an extra document is no stored policy");
    }

    [Fact]
    public async Task The_principal_is_the_caller_a_resource_policy_is_matched_against()
    {
        var user = Unique("sim-bob");
        await CreateUserAsync(user);
        var resourcePolicy = $$"""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{UserArn(user)}}"},
            "Action":"s3:GetObject","Resource":"arn:aws:s3:::shared/*"}]}
            """;

        var results = await SimulateAsync(new
        {
            policySourceArn = UserArn(user),
            actionNames = new[] { "s3:GetObject" },
            resourceArns = new[] { "arn:aws:s3:::shared/a.txt" },
            resourcePolicy,
        });

        Assert.Equal("allowed", Decision(results[0]));
        Assert.Equal("resource", Assert.Single(results[0].GetProperty("matchedStatements").EnumerateArray())
            .GetProperty("sourcePolicyType").GetString());
    }

    [Fact]
    public async Task An_unknown_source_is_NoSuchEntity_and_a_bad_extra_document_is_MalformedPolicyDocument()
    {
        var missing = await Root.PostAsJsonAsync("/api/v1/simulator/principal", new
        {
            policySourceArn = UserArn(Unique("nobody")),
            actionNames = new[] { "s3:GetObject" },
        });
        await ProblemAsync(missing, HttpStatusCode.NotFound, "NoSuchEntity");

        var user = Unique("sim-cy");
        await CreateUserAsync(user);
        var malformed = await Root.PostAsJsonAsync("/api/v1/simulator/principal", new
        {
            policySourceArn = UserArn(user),
            policyInputList = new[] { """{"Version":"2012-10-17","Statement":[{"Effect":"Maybe"}]}""" },
            actionNames = new[] { "s3:GetObject" },
        });
        await ProblemAsync(malformed, HttpStatusCode.BadRequest, "MalformedPolicyDocument");
    }

    private async Task<JsonElement[]> SimulateAsync(object request)
    {
        var response = await Root.PostAsJsonAsync("/api/v1/simulator/principal", request);
        var body = await OkAsync(response, HttpStatusCode.OK);
        return [.. body.GetProperty("evaluationResults").EnumerateArray()];
    }

    private static string? Decision(JsonElement result) => result.GetProperty("evalDecision").GetString();

    private static bool BoundaryAllowed(JsonElement result) =>
        result.GetProperty("permissionsBoundaryDecisionDetail")
            .GetProperty("allowedByPermissionsBoundary").GetBoolean();
}
