using Microsoft.OpenApi;

namespace IamService.Api.Hosting;

internal static class SwaggerSetup
{
    private const string BearerScheme = "bearer";

    public static IServiceCollection AddIamSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "IamService",
                Version = "v1",
                Description = "Identity and access management with AWS IAM's policy language and evaluation rules.",
            });
            var xml = Path.Combine(AppContext.BaseDirectory, $"{typeof(Program).Assembly.GetName().Name}.xml");
            options.IncludeXmlComments(xml, includeControllerXmlComments: true);
            options.SchemaFilter<EnumExampleSchemaFilter>();
            options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = BearerScheme,
                BearerFormat = "JWT",
                Description = "An access token from the sign-in endpoint.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [],
            });
        });
        return services;
    }

    public static WebApplication UseIamSwagger(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/swagger/v1/swagger.json", "IamService v1");
            options.DocumentTitle = "IamService API";
        });
        return app;
    }
}
