using System.Text.Json.Serialization;

namespace IamService.Api.Hosting;

internal static class ControllersSetup
{
    public static IServiceCollection AddIamControllers(this IServiceCollection services)
    {
        services.AddControllers()
            .AddJsonOptions(options =>
            {
                options.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter());
                options.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            });
        return services;
    }
}
