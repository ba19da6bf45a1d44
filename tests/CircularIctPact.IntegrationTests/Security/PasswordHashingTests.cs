using System.Buffers.Binary;
using System.Net;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CircularIctPact.IntegrationTests.Security;

public sealed class PasswordHashingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Password = "Old!Hash!Password1";

    [Fact]
    public async Task Password_hashed_with_fewer_iterations_is_upgraded_at_the_next_sign_in()
    {
        const string email = "old.hash@cfit.example";
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Old Hash" };
            var weakHasher = new PasswordHasher<ApplicationUser>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
            user.PasswordHash = weakHasher.HashPassword(user, Password);
            Assert.True((await users.CreateAsync(user)).Succeeded);
            Assert.Equal(100_000, IterationsOf(user.PasswordHash));
        }

        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await FormSignIn.SignInAsync(client, email, Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var upgraded = await users.FindByEmailAsync(email);
            Assert.Equal(PortalPasswordHashing.Iterations, IterationsOf(upgraded!.PasswordHash!));
        }
    }

    [Fact]
    public async Task New_passwords_are_hashed_with_at_least_210000_iterations()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<ApplicationUser>>();

        var hash = hasher.HashPassword(new ApplicationUser(), Password);

        Assert.True(IterationsOf(hash) >= 210_000);
    }

    // Identity v3 format: 0x01 | PRF (4 bytes) | iteration count (4 bytes, big-endian) | salt length | salt | subkey.
    private static int IterationsOf(string hash) =>
        (int)BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(hash).AsSpan(5, 4));
}
