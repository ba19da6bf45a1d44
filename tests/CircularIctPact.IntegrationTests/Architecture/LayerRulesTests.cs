using CircularIctPact.Infrastructure.Persistence;
using Microsoft.AspNetCore.Components;
using NetArchTest.Rules;

namespace CircularIctPact.IntegrationTests.Architecture;

/// <summary>
/// The layering rules of docs/architecture.md and decision record 0002, checked on the compiled assemblies. They live
/// here because this project already references the Web project; the domain's own rule stays in Domain.Tests.
/// </summary>
public sealed class LayerRulesTests
{
    /// <summary>
    /// Where base types are looked up: the test output holds the packages, the shared frameworks hold .NET and ASP.NET Core.
    /// </summary>
    private static readonly string[] AssemblyFolders =
    [
        AppContext.BaseDirectory,
        Path.GetDirectoryName(typeof(object).Assembly.Location)!,
        Path.GetDirectoryName(typeof(ComponentBase).Assembly.Location)!,
    ];

    private static readonly Types Web = Types.InAssembly(typeof(Program).Assembly, AssemblyFolders);
    private static readonly Types Infrastructure = Types.InAssembly(typeof(PortalDbContext).Assembly, AssemblyFolders);

    [Fact]
    public void Razor_components_never_touch_the_database_they_call_their_feature_service()
    {
        var offenders = Offenders(
            () => Web.That().Inherit(typeof(ComponentBase)).ShouldNot(),
            typeof(PortalDbContext).FullName!,
            "Microsoft.EntityFrameworkCore");

        Assert.True(offenders.Length == 0,
            "Razor components must call their feature's service, which opens a context per operation (docs/decisions/0002); "
            + "move the database work of these components into that service:" + offenders);
    }

    [Fact]
    public void Infrastructure_does_not_depend_on_Web()
    {
        var offenders = Offenders(() => Infrastructure.ShouldNot(), "CircularIctPact.Web");

        Assert.True(offenders.Length == 0,
            "Dependencies point one way, Web → Infrastructure → Domain; these Infrastructure types depend on Web:" + offenders);
    }

    /// <summary>
    /// Each type the rule is about that depends on any of <paramref name="forbidden"/>, one line each, naming what it depends
    /// on; empty when none does.
    /// </summary>
    /// <param name="typesThatShouldNot">The types the rule is about, queried afresh for every dependency.</param>
    /// <param name="forbidden">Namespaces or full type names the types must not depend on.</param>
    private static string Offenders(Func<Conditions> typesThatShouldNot, params string[] forbidden) =>
        string.Concat(forbidden
            .SelectMany(dependency => (typesThatShouldNot().HaveDependencyOn(dependency).GetResult().FailingTypeNames ?? [])
                .Select(type => (Type: type, Dependency: dependency)))
            .GroupBy(failure => failure.Type, failure => failure.Dependency)
            .OrderBy(failures => failures.Key, StringComparer.Ordinal)
            .Select(failures => $"{Environment.NewLine}  {failures.Key} depends on {string.Join(", ", failures)}"));
}
