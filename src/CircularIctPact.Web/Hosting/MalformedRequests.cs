using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;

namespace CircularIctPact.Web.Hosting;

/// <summary>
/// Refuses with 400 what no page or endpoint can use, before any of them runs: a path or query value with a control
/// character (a NUL byte among them) or bytes that are not UTF-8, and a query value a page declares as a number, a yes/no
/// or an id (<see cref="SupplyParameterFromQueryAttribute"/>) that does not parse as one, or is out of range. Blazor would
/// otherwise throw while binding it, and the visitor would see a server error. The refusal is the status code page in
/// the person's language, or a problem document under <c>/api</c>.
/// </summary>
internal static class MalformedRequests
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, Type>> TypedQueryParameters = new();

    /// <summary>Goes after the status code pages, which show the refusal.</summary>
    public static IApplicationBuilder UseMalformedRequestRefusal(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && IsMalformed(context))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    await Results.Problem(
                            title: "The request is malformed: a value has characters or a form the API does not accept.",
                            statusCode: StatusCodes.Status400BadRequest)
                        .ExecuteAsync(context);
                }

                return;
            }

            await next();
        });

    private static bool IsMalformed(HttpContext context)
    {
        var request = context.Request;
        if (!IsCleanText(request.Path.Value))
        {
            return true;
        }

        foreach (var (key, values) in request.Query)
        {
            if (!IsCleanText(key) || values.Any(value => !IsCleanText(value)))
            {
                return true;
            }
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not { } page)
        {
            return false;
        }

        var typed = TypedQueryParameters.GetOrAdd(page.Type, QueryParametersOf);
        return request.Query.Any(parameter =>
            typed.TryGetValue(parameter.Key, out var type) && parameter.Value.Any(value => !Parses(value, type)));
    }

    // Invalid UTF-8 arrives decoded as U+FFFD; control characters are never part of a name, a search or an address.
    private static bool IsCleanText(string? text) =>
        text is null || !text.Any(character => char.IsControl(character) || character == '\uFFFD');

    /// <summary>The page's query parameters that are not text, by the name they have in the address.</summary>
    private static IReadOnlyDictionary<string, Type> QueryParametersOf(Type page)
    {
        var parameters = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        for (var type = page; type is not null && type != typeof(ComponentBase); type = type.BaseType)
        {
            const BindingFlags declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            foreach (var property in type.GetProperties(declared))
            {
                if (property.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is { } query
                    && (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) is var valueType
                    && valueType != typeof(string))
                {
                    parameters.TryAdd(query.Name ?? property.Name, valueType.IsArray ? valueType.GetElementType()! : valueType);
                }
            }
        }

        return parameters;
    }

    // As Blazor parses them (invariant culture); an empty value binds as no value.
    private static bool Parses(string? value, Type type) =>
        string.IsNullOrEmpty(value) || type switch
        {
            _ when type == typeof(int) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(long) => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(bool) => bool.TryParse(value, out _),
            _ when type == typeof(Guid) => Guid.TryParse(value, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(decimal) => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(double) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(DateTime) => DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ when type == typeof(DateOnly) => DateOnly.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => true,
        };
}
