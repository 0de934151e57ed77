using IamService.Api.Accounts;
using IamService.Api.Auth;
using IamService.Api.Decisions;
using IamService.Api.Guard;
using IamService.Api.Hosting;
using IamService.Api.Mfa;
using IamService.Api.PolicyCache;
using IamService.Api.Storage;
using IamService.Api.Sts;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddIamStorage(builder.Configuration);
builder.Services.AddAccountBootstrap(builder.Configuration);
builder.Services.AddIamIdentityApi();
builder.Services.AddIamPolicyApi();
builder.Services.AddIamAuthentication(builder.Configuration);
builder.Services.AddIamGuard();
builder.Services.AddIamPolicyCache();
builder.Services.AddIamMfa();
builder.Services.AddIamSignIn();
builder.Services.AddIamAccessKeysAndSts();
builder.Services.AddIamProblemDetails();
builder.Services.AddIamControllers();
builder.Services.AddIamSwagger();
builder.Services.AddIamHealthChecks();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    // Development keeps the developer exception page, which also answers with a problem, plus the details.
    app.UseExceptionHandler();
}

app.UseStatusCodePages();
app.UseIamSwagger();
app.UseAuthentication();
app.UsePasswordChangeTokenGate();
app.UseAuthorization();
app.UseRateLimiter();
app.UseIamPolicyWriteBarrier();
app.MapControllers();
app.MapIamDecisions();
app.MapIamHealthChecks();
app.MapIamBenchmarkCeiling();

await app.Services.InitializeStoreAsync(app.Lifetime.ApplicationStopping);
await app.RunAsync();

/// <summary>The web host's entry point, public so that integration tests can start it.</summary>
public partial class Program;
