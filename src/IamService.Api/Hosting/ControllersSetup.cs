using System.Text.Json.Serialization;
using IamService.Api.Common;
using IamService.Api.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace IamService.Api.Hosting;

internal static class ControllersSetup
{
    private const int MaxErrorsInDetail = 3;

    public static IServiceCollection AddIamControllers(this IServiceCollection services)
    {
        // Presence and nullness are the JSON reader's to enforce (required members, nullable annotations) and
        // content is the services' (IAM's rules and messages); MVC's implicit [Required] would reject "" first.
        services.AddControllers(options => options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true)
            .AddJsonOptions(options =>
            {
                var json = options.JsonSerializerOptions;
                json.Converters.Add(new JsonStringEnumConverter());
                json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
                // A misspelt member must not be silently ignored: {"usename": "x"} is a 400, not a user named
                // by default.
                json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
                json.RespectNullableAnnotations = true;
                json.RespectRequiredConstructorParameters = true;
            })
            .ConfigureApiBehaviorOptions(options =>
                options.InvalidModelStateResponseFactory = InvalidRequestProblem);
        return services;
    }

    /// <summary>
    /// A request the framework could not read (malformed JSON, an unknown member, a missing body, a query
    /// value of the wrong type) is a 400 problem with code InvalidInput whose detail names the first errors.
    /// </summary>
    private static BadRequestObjectResult InvalidRequestProblem(ActionContext context)
    {
        var errors = context.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .SelectMany(entry => entry.Value!.Errors.Select(e => Describe(entry.Key, e.ErrorMessage)))
            .Take(MaxErrorsInDetail);
        var detail = $"The request could not be read: {string.Join(" ", errors)}";

        var factory = context.HttpContext.RequestServices.GetRequiredService<ProblemDetailsFactory>();
        var problem = factory.CreateValidationProblemDetails(
            context.HttpContext, context.ModelState, StatusCodes.Status400BadRequest, detail: detail);
        problem.Extensions["code"] = IamErrorCode.InvalidInput;

        var result = new BadRequestObjectResult(problem);
        result.ContentTypes.Add(IamControllerBase.ProblemContentType);
        return result;
    }

    private static string Describe(string key, string message)
    {
        var text = string.IsNullOrEmpty(message) ? "The value is not valid." : message;
        return string.IsNullOrEmpty(key) ? text : $"{key}: {text}";
    }
}
