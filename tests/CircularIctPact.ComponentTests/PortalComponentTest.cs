using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CircularIctPact.ComponentTests;

/// <summary>Base for component tests: MudBlazor services and loose JS interop, as MudBlazor's own tests do.</summary>
/// <remarks>Disposed asynchronously because some MudBlazor services (popovers, pointer events) only dispose that way.</remarks>
public abstract class PortalComponentTest : BunitContext, IAsyncLifetime
{
    protected PortalComponentTest()
    {
        Services.AddMudServices();
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Runs <paramref name="action"/> (rendering and clicking) with Dutch as the interface language.</summary>
    protected static T RenderInDutch<T>(Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("nl");
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>The MudBlazor field labelled <paramref name="label"/>, with the helper or error text shown beside it.</summary>
    protected static IElement MudField<TComponent>(IRenderedComponent<TComponent> page, string label)
        where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.FindAll(".mud-input-control").Single(field => field.QuerySelector("label")?.TextContent.TrimEnd(' ', '*') == label);
    }

    /// <summary>The input of the MudBlazor field labelled <paramref name="label"/>.</summary>
    protected static IElement MudInput<TComponent>(IRenderedComponent<TComponent> page, string label)
        where TComponent : IComponent =>
        MudField(page, label).QuerySelector("input")!;

    /// <summary>
    /// Finds and clicks in one dispatcher turn, so a render that MudBlazor finishes between finding the element and
    /// clicking it cannot leave the click pointing at a handler that no longer exists.
    /// </summary>
    protected static void ClickWhenSettled<TComponent>(
        IRenderedComponent<TComponent> page,
        Func<IRenderedComponent<TComponent>, IElement> find)
        where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(find);
        page.InvokeAsync(() => find(page).Click()).GetAwaiter().GetResult();
    }

    /// <summary>Types <paramref name="value"/> into the MudBlazor field labelled <paramref name="label"/> in one dispatcher turn.</summary>
    protected static void TypeWhenSettled<TComponent>(IRenderedComponent<TComponent> page, string label, string value)
        where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(page);
        page.InvokeAsync(() => MudInput(page, label).Change(value)).GetAwaiter().GetResult();
    }
}
