using System.Security.Claims;
using CircularIctPact.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.Testing;

public static class PortalFactoryExtensions
{
    /// <summary>
    /// The principal the portal would build for this account at sign-in (roles and portal claims),
    /// for calling feature services directly as that person.
    /// </summary>
    public static async Task<ClaimsPrincipal> PrincipalForAsync(this PortalFactory portal, string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        return await factory.CreateAsync(user);
    }

    /// <summary>Nobody signed in, as for a public page or form.</summary>
    public static ClaimsPrincipal Anonymous => new(new ClaimsIdentity());

    /// <summary>Resolves a service in a fresh scope and runs <paramref name="action"/> with it.</summary>
    public static async Task<TResult> WithServiceAsync<TService, TResult>(this PortalFactory portal, Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static async Task WithServiceAsync<TService>(this PortalFactory portal, Func<TService, Task> action)
        where TService : notnull
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
