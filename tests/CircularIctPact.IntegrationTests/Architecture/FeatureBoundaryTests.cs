using Microsoft.AspNetCore.Components;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace CircularIctPact.IntegrationTests.Architecture;

/// <summary>
/// Decision record 0010: a feature (a folder, and namespace, under Web/Features) uses another feature only through what
/// that feature makes <c>public</c>: its services and the records and enums they take and return. Its pages and
/// components, its <c>internal</c> helpers and any method that takes a <c>PortalDbContext</c> or hands out an
/// <c>IQueryable</c> stay inside it. <c>Features/Common</c> is for every feature. Checked on the compiled Web assembly,
/// so compiler-made code (lambdas, async methods, Razor markup) counts for the feature that wrote it.
/// </summary>
public sealed class FeatureBoundaryTests
{
    private const string FeaturesNamespace = "CircularIctPact.Web.Features.";

    /// <summary>Folders under Features that are building blocks for all features rather than features.</summary>
    private static readonly HashSet<string> SharedByEveryFeature = ["Common"];

    /// <summary>Types in a signature that mean the method is a database query rather than a service call.</summary>
    private static readonly string[] QueryTypes =
    [
        "CircularIctPact.Infrastructure.Persistence.PortalDbContext",
        "System.Linq.IQueryable`1",
        "Microsoft.EntityFrameworkCore.DbSet`1",
    ];

    [Fact]
    public void Features_use_each_other_only_through_public_services_and_their_records()
    {
        using var web = ModuleDefinition.ReadModule(typeof(Program).Assembly.Location);

        var offenders = web.GetTypes()
            .Where(type => FeatureOf(type) is { } feature && !SharedByEveryFeature.Contains(feature))
            .SelectMany(type => References(type)
                .Select(reference => (User: Outermost(type), Problem: CrossFeatureProblem(FeatureOf(type)!, reference))))
            .Where(use => use.Problem is not null)
            .Select(use => $"{Environment.NewLine}  {use.User.FullName} {use.Problem}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.True(offenders.Length == 0,
            "A feature may use another feature's public services and the records they take and return, nothing else "
            + "(docs/decisions/0010); call the owning feature's service, or move what all need to Features/Common:"
            + string.Concat(offenders));
    }

    /// <summary>
    /// Why using <paramref name="reference"/> from <paramref name="userFeature"/> crosses a boundary, or null when it does
    /// not: it belongs to the same feature, to a shared folder, to no feature, or to another feature's public surface.
    /// </summary>
    private static string? CrossFeatureProblem(string userFeature, MemberReference reference)
    {
        if (reference is TypeSpecification or GenericParameter or GenericInstanceMethod)
        {
            return null; // what they are made of is checked on its own
        }

        var owner = reference as TypeReference ?? reference.DeclaringType?.GetElementType();
        if (owner is null || FeatureOf(owner) is not { } ownerFeature
            || ownerFeature == userFeature || SharedByEveryFeature.Contains(ownerFeature))
        {
            return null;
        }

        var ownerType = owner.Resolve();
        if (!IsVisibleOutsideTheAssembly(ownerType))
        {
            return $"uses {ownerType.FullName}, internal to {ownerFeature}";
        }

        if (IsRazorComponent(ownerType))
        {
            return $"uses {ownerType.FullName}, a page or component of {ownerFeature}";
        }

        return reference switch
        {
            MethodReference method when method.Resolve() is { IsPublic: false } => $"calls {Describe(method)}, internal to {ownerFeature}",
            MethodReference method when QueryTypes.Any(method.FullName.Contains) =>
                $"calls {Describe(method)}, a database query of {ownerFeature}",
            FieldReference field when field.Resolve() is { IsPublic: false } =>
                $"uses {ownerType.FullName}.{field.Name}, internal to {ownerFeature}",
            _ => null,
        };
    }

    private static string Describe(MethodReference method) => $"{method.DeclaringType.Resolve().FullName}.{method.Name}";

    /// <summary>The folder under Features a type belongs to (nested types belong where their outermost type does), or null.</summary>
    private static string? FeatureOf(TypeReference type)
    {
        var @namespace = Outermost(type).Namespace;
        return @namespace.StartsWith(FeaturesNamespace, StringComparison.Ordinal)
            ? @namespace[FeaturesNamespace.Length..].Split('.')[0]
            : null;
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static bool IsVisibleOutsideTheAssembly(TypeDefinition type) =>
        type.IsPublic || (type.IsNestedPublic && IsVisibleOutsideTheAssembly(type.DeclaringType));

    private static bool IsRazorComponent(TypeDefinition type) =>
        typeof(ComponentBase).IsAssignableFrom(typeof(Program).Assembly.GetType(type.FullName.Replace('/', '+'), throwOnError: true));

    /// <summary>Every type, method and field a type's declaration and code mention, with generic arguments taken apart.</summary>
    private static IEnumerable<MemberReference> References(TypeDefinition type)
    {
        var mentioned = new List<MemberReference>();
        if (type.BaseType is not null)
        {
            mentioned.Add(type.BaseType);
        }

        mentioned.AddRange(type.Interfaces.Select(implemented => implemented.InterfaceType));
        mentioned.AddRange(Attributes(type));
        mentioned.AddRange(
            type.GenericParameters.SelectMany(parameter => parameter.Constraints.Select(constraint => constraint.ConstraintType)));
        foreach (var field in type.Fields)
        {
            mentioned.Add(field.FieldType);
            mentioned.AddRange(Attributes(field));
        }

        foreach (var property in type.Properties)
        {
            mentioned.Add(property.PropertyType);
            mentioned.AddRange(Attributes(property));
        }

        mentioned.AddRange(type.Events.Select(@event => @event.EventType));
        foreach (var method in type.Methods)
        {
            mentioned.Add(method.ReturnType);
            mentioned.AddRange(method.Parameters.Select(parameter => parameter.ParameterType));
            mentioned.AddRange(Attributes(method));
            mentioned.AddRange(
                method.GenericParameters.SelectMany(parameter => parameter.Constraints.Select(constraint => constraint.ConstraintType)));
            if (method.HasBody)
            {
                mentioned.AddRange(method.Body.Variables.Select(variable => variable.VariableType));
                mentioned.AddRange(
                    method.Body.ExceptionHandlers.Where(handler => handler.CatchType is not null).Select(handler => handler.CatchType));
                mentioned.AddRange(method.Body.Instructions.Select(instruction => instruction.Operand).OfType<MemberReference>());
            }
        }

        return mentioned.SelectMany(TakenApart);
    }

    private static IEnumerable<MemberReference> Attributes(ICustomAttributeProvider provider) =>
        provider.CustomAttributes.SelectMany(attribute =>
            attribute.ConstructorArguments.Select(argument => argument.Value).OfType<TypeReference>()
                .Prepend<MemberReference>(attribute.Constructor));

    /// <summary>A reference and what it is made of: element types, generic arguments, and a member's signature.</summary>
    private static IEnumerable<MemberReference> TakenApart(MemberReference reference)
    {
        yield return reference;
        IEnumerable<MemberReference> parts = reference switch
        {
            GenericInstanceType generic => generic.GenericArguments.Prepend(generic.ElementType),
            TypeSpecification specification => [specification.ElementType],
            GenericInstanceMethod generic => generic.GenericArguments.Append<MemberReference>(generic.ElementMethod),
            MethodReference method => method.Parameters.Select(parameter => parameter.ParameterType)
                .Prepend(method.ReturnType).Prepend(method.DeclaringType),
            FieldReference field => [field.FieldType, field.DeclaringType],
            _ => [],
        };
        foreach (var part in parts.SelectMany(TakenApart))
        {
            yield return part;
        }
    }
}
