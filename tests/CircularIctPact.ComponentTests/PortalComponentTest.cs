using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CircularIctPact.ComponentTests;

/// <summary>Base for component tests: MudBlazor services and loose JS interop, as MudBlazor's own tests do.</summary>
public abstract class PortalComponentTest : BunitContext
{
    protected PortalComponentTest()
    {
        Services.AddMudServices();
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        JSInterop.Mode = JSRuntimeMode.Loose;
    }
}
