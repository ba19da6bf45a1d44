using System.Text.RegularExpressions;
using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Criteria;

/// <summary>A kind of product the pact writes criteria for (laptops, smartphones, …); the secretariat adds more.</summary>
public sealed partial class ProductGroup : Entity, IConcurrencyVersioned
{
    public const int SlugMaxLength = 60;
    public const int NameMaxLength = 120;

    private readonly List<ProductGroupName> _names = [];

    private ProductGroup()
    {
        Slug = string.Empty;
    }

    /// <param name="slug">The address segment, e.g. <c>laptops</c>: lower-case letters, digits and hyphens.</param>
    /// <param name="englishName">The English name; other languages are added with <see cref="Name(CriteriaLanguage, string)"/>.</param>
    public ProductGroup(string slug, string englishName)
    {
        var trimmed = slug?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > SlugMaxLength || !SlugPattern().IsMatch(trimmed))
        {
            throw new DomainException(
                ProductGroupFields.Slug,
                "The address name uses lower-case letters, digits and hyphens, e.g. tablets.");
        }

        Slug = trimmed;
        Name(CriteriaLanguage.En, englishName);
    }

    public string Slug { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyCollection<ProductGroupName> Names => _names.AsReadOnly();

    /// <summary>The name in <paramref name="language"/>, or the English one when it has none.</summary>
    public string NameIn(CriteriaLanguage language) =>
        _names.FirstOrDefault(n => n.Language == language)?.Name
        ?? _names.FirstOrDefault(n => n.Language == CriteriaLanguages.Source)?.Name
        ?? Slug;

    /// <summary>Sets the name in one language (an empty name removes a translation; English is required).</summary>
    public void Name(CriteriaLanguage language, string? name)
    {
        _names.RemoveAll(n => n.Language == language);
        if (language == CriteriaLanguages.Source)
        {
            _names.Add(new ProductGroupName(language, Guard.Required(name, ProductGroupFields.Name, NameMaxLength)));
            return;
        }

        var translated = Guard.Optional(name, ProductGroupFields.Name, NameMaxLength);
        if (translated is not null)
        {
            _names.Add(new ProductGroupName(language, translated));
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}

/// <summary>The name of a product group in one language.</summary>
public sealed record ProductGroupName(CriteriaLanguage Language, string Name);
