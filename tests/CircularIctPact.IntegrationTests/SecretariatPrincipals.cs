using System.IO.Compression;
using System.Security.Claims;
using System.Text;
using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests;

/// <summary>The callers the secretariat tests act as, and sample files.</summary>
internal static class SecretariatPrincipals
{
    /// <summary>Everyone who must be refused: coordinator, procurer, anonymous, and an admin without two-factor.</summary>
    public static async Task<IReadOnlyList<(string Who, ClaimsPrincipal Principal)>> OutsidersAsync(PortalFactory portal) =>
    [
        ("coordinator", await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands)),
        ("procurer", await portal.PrincipalForAsync(DemoAccounts.Procurer)),
        ("anonymous", PortalFactoryExtensions.Anonymous),
        ("admin without two-factor", await portal.PrincipalForAsync(await AdminWithoutTwoFactorAsync(portal))),
    ];

    /// <summary>Creates (once per database) a SecretariatAdmin account that has not set up two-factor sign-in.</summary>
    public static async Task<string> AdminWithoutTwoFactorAsync(PortalFactory portal)
    {
        const string email = "admin.no2fa@cfit.example";
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is null)
        {
            await CreateUserAsync(portal, email, "Admin Without Factor", PortalRoles.SecretariatAdmin);
        }

        return email;
    }

    public static async Task<ApplicationUser> CreateUserAsync(PortalFactory portal, string email, string name, params string[] roles)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Check(await users.CreateAsync(user, DemoAccounts.Password));
        foreach (var role in roles)
        {
            Check(await users.AddToRoleAsync(user, role));
        }

        return user;
    }

    public static string UniqueEmail(string prefix) => $"{prefix}.{Guid.NewGuid():N}@cfit.example";

    public static byte[] Pdf() =>
        Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public static byte[] Html() => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert('x')</script></body></html>");

    /// <summary>A minimal Office Open XML package whose content types name the given main part.</summary>
    public static byte[] OfficePackage(string mainContentType)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("[Content_Types].xml");
            using var writer = new StreamWriter(entry.Open(), Encoding.UTF8);
            writer.Write("""<?xml version="1.0" encoding="UTF-8"?>"""
                + """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"""
                + $"""<Override PartName="/word/document.xml" ContentType="{mainContentType}"/></Types>""");
        }

        return buffer.ToArray();
    }

    public static byte[] PlainZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("hello");
        }

        return buffer.ToArray();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
