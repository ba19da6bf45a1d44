using System.Globalization;
using System.Text;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace CircularIctPact.IntegrationTests.Localization;

/// <summary>
/// The portal with every resource string turned into a marked pseudo-translation (<c>⟦Ŝĥöŵñ ţéẋţ⟧</c>), so that any
/// visible text that is still plain comes from somewhere other than the resources.
/// </summary>
public sealed class PseudoLocalePortal : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IStringLocalizerFactory>();
            services.AddSingleton<IStringLocalizerFactory>(provider =>
                new PseudoLocalizerFactory(ActivatorUtilities.CreateInstance<ResourceManagerStringLocalizerFactory>(provider)));
        });
    }
}

/// <summary>Accents every letter of a resource string and brackets it, leaving placeholders, markup and entities intact.</summary>
public static class PseudoText
{
    public const char Open = '⟦';
    public const char Close = '⟧';

    private const string Plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Accented = "áƀçđéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ";

    public static string Transform(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var pseudo = new StringBuilder(value.Length + 2).Append(Open);
        var index = 0;
        while (index < value.Length)
        {
            var kept = KeptLength(value, index);
            if (kept > 0)
            {
                pseudo.Append(value, index, kept);
                index += kept;
                continue;
            }

            var letter = Plain.IndexOf(value[index], StringComparison.Ordinal);
            pseudo.Append(letter < 0 ? value[index] : Accented[letter]);
            index++;
        }

        return pseudo.Append(Close).ToString();
    }

    /// <summary>How many characters from <paramref name="index"/> form a placeholder, a tag or an entity.</summary>
    private static int KeptLength(string value, int index)
    {
        var (closing, longest) = value[index] switch
        {
            '{' => ('}', 40),
            '<' => ('>', 400),
            '&' => (';', 10),
            _ => ('\0', 0),
        };
        if (longest == 0)
        {
            return 0;
        }

        var end = value.IndexOf(closing, index + 1);
        return end > index && end - index <= longest ? end - index + 1 : 0;
    }
}

internal sealed class PseudoLocalizerFactory(IStringLocalizerFactory resources) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new PseudoLocalizer(resources.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new PseudoLocalizer(resources.Create(baseName, location));
}

/// <summary>
/// Pseudo-translates the strings the resources hold; a key without a resource stays as it is, so text that only
/// looks like a resource lookup shows up as untranslated.
/// </summary>
internal sealed class PseudoLocalizer(IStringLocalizer resources) : IStringLocalizer
{
    public LocalizedString this[string name] => Pseudo(resources[name]);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = Pseudo(resources[name]);
            return new LocalizedString(
                name,
                string.Format(CultureInfo.CurrentCulture, format.Value, arguments),
                format.ResourceNotFound,
                format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        resources.GetAllStrings(includeParentCultures).Select(Pseudo);

    private static LocalizedString Pseudo(LocalizedString text) => text.ResourceNotFound
        ? text
        : new LocalizedString(text.Name, PseudoText.Transform(text.Value), resourceNotFound: false, text.SearchedLocation);
}
