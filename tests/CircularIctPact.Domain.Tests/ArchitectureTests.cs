using CircularIctPact.Domain.Common;
using NetArchTest.Rules;

namespace CircularIctPact.Domain.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Domain_depends_on_no_framework()
    {
        var result = Types.InAssembly(typeof(Entity).Assembly)
            .ShouldNot()
            .HaveDependencyOnAny(
                "Microsoft.EntityFrameworkCore",
                "Microsoft.AspNetCore",
                "Npgsql",
                "MudBlazor",
                "CircularIctPact.Infrastructure",
                "CircularIctPact.Web")
            .GetResult();

        Assert.True(result.IsSuccessful, "Domain types with framework dependencies: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
