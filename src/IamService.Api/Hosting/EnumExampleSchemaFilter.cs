using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IamService.Api.Hosting;

/// <summary>
/// Gives every enum schema its first member's name as the example. Enums are written as strings, and a body
/// whose only field is an enum would otherwise show no example: a property that refers to a schema cannot
/// carry one of its own.
/// </summary>
internal sealed class EnumExampleSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Type.IsEnum && schema is OpenApiSchema concrete && concrete.Example is null
            && Enum.GetNames(context.Type) is [var first, ..])
        {
            concrete.Example = JsonValue.Create(first);
        }
    }
}
