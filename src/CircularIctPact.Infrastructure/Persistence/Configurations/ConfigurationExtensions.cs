using CircularIctPact.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal static class ConfigurationExtensions
{
    public const int EnumMaxLength = 40;

    /// <summary>Maps the aggregate's <see cref="IConcurrencyVersioned.Version"/> to PostgreSQL's <c>xmin</c>.</summary>
    public static void HasXminConcurrency<T>(this EntityTypeBuilder<T> builder)
        where T : class, IConcurrencyVersioned =>
        builder.Property(entity => entity.Version).IsRowVersion();

    public static PropertyBuilder<TEnum> AsBoundedString<TEnum>(this PropertyBuilder<TEnum> property) =>
        property.HasConversion<string>().HasMaxLength(EnumMaxLength);

    public static PropertyBuilder<CountryCode> AsCountryCode(this PropertyBuilder<CountryCode> property) =>
        property.HasConversion(code => code.Value, value => CountryCode.Parse(value, CommonFields.Country))
            .HasMaxLength(CountryCode.MaxLength);
}
