using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Criteria;

/// <summary>The form fields that the rules of product groups name.</summary>
public static class ProductGroupFields
{
    public static readonly FormField Slug = new("Slug");
    public static readonly FormField Name = new("Name");
}
