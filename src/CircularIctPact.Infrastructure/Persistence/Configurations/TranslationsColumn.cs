using System.Text.Json;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

/// <summary>
/// The translations of a member's text as one <c>jsonb</c> object keyed by language name, e.g.
/// <c>{"Nl": {"Title": "…", "Description": "…"}}</c>, so a generated search column can read each language's words
/// with <c>translations-&gt;'Nl'-&gt;&gt;'Title'</c> (<see cref="KnowledgeTextSearch"/>).
/// </summary>
internal static class TranslationsColumn
{
    public const string ColumnName = "translations";

    public static PropertyBuilder<IReadOnlyList<Translation<TText>>> AsTranslations<TText>(
        this PropertyBuilder<IReadOnlyList<Translation<TText>>> property)
        where TText : class, IContentText<TText> =>
        property
            .HasConversion(
                new ValueConverter<IReadOnlyList<Translation<TText>>, string>(
                    translations => Write(translations),
                    json => Read<TText>(json)),
                new ValueComparer<IReadOnlyList<Translation<TText>>>(
                    (left, right) => left!.SequenceEqual(right!),
                    translations => translations.Aggregate(0, (hash, translation) => HashCode.Combine(hash, translation)),
                    translations => translations.ToList()))
            .HasColumnName(ColumnName)
            .HasColumnType("jsonb")
            .IsRequired();

    private static string Write<TText>(IReadOnlyList<Translation<TText>> translations)
        where TText : class, IContentText<TText> =>
        JsonSerializer.Serialize(translations.ToDictionary(t => t.Language.ToString(), t => t.Text));

    private static List<Translation<TText>> Read<TText>(string json)
        where TText : class, IContentText<TText> =>
        [.. (JsonSerializer.Deserialize<Dictionary<string, TText>>(json) ?? [])
            .Select(entry => new Translation<TText>(Enum.Parse<CriteriaLanguage>(entry.Key), entry.Value))
            .OrderBy(t => t.Language)];
}
