using CircularIctPact.Infrastructure.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace CircularIctPact.Web.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{

    public void RedirectTo(string? uri)
    {
        uri ??= "";

        // Prevent open redirects: an address outside the portal (another site's ReturnUrl) leads to the home page.
        if (!Uri.IsWellFormedUriString(uri, UriKind.Relative)
            || uri.StartsWith("//", StringComparison.Ordinal))
        {
            var absolute = Uri.TryCreate(uri, UriKind.Absolute, out var target) ? target.AbsoluteUri : null;
            uri = absolute is not null && absolute.StartsWith(navigationManager.BaseUri, StringComparison.OrdinalIgnoreCase)
                ? navigationManager.ToBaseRelativePath(absolute)
                : "";
        }

        navigationManager.NavigateTo(uri);
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        var cookies = PortalCookies.Of(context);
        context.Response.Cookies.Append(
            cookies.Name(PortalCookies.StatusMessageCookie),
            message,
            cookies.Options(context, SameSiteMode.Strict, TimeSpan.FromSeconds(5)));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context)
        => RedirectToWithStatus(CurrentPath, message, context);

    public void RedirectToInvalidUser(UserManager<ApplicationUser> userManager, HttpContext context)
        => RedirectToWithStatus(
            "Account/InvalidUser",
            $"Error: Unable to load user with ID '{userManager.GetUserId(context.User)}'.",
            context);
}
