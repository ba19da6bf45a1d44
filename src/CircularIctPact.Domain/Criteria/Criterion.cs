using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Criteria;

/// <summary>One criterion of one criteria set version; changed only through its <see cref="CriteriaSet"/>.</summary>
public sealed class Criterion : Entity
{
    public const int ReferencesMaxLength = 1000;

    private readonly List<CriterionText> _texts = [];

    private Criterion()
    {
        Code = null!;
    }

    internal Criterion(Guid criteriaSetId, CriterionCode code, CriterionClassification classification, CriterionContent english)
    {
        CriteriaSetId = criteriaSetId;
        Code = code;
        Classify(classification);
        SourceRevision = 1;
        _texts.Add(new CriterionText(Id, CriteriaLanguages.Source, english.Validated(), SourceRevision));
    }

    public Guid CriteriaSetId { get; private set; }

    public CriterionCode Code { get; private set; }

    public CriterionTheme Theme { get; private set; }

    public AmbitionLevel AmbitionLevel { get; private set; }

    public CriterionType Type { get; private set; }

    public PactStrategy Strategy { get; private set; }

    /// <summary>Related EU GPP criteria, label clauses or regulations.</summary>
    public string? References { get; private set; }

    /// <summary>Goes up each time the English source text changes, so translations made earlier show as outdated.</summary>
    public int SourceRevision { get; private set; }

    public IReadOnlyCollection<CriterionText> Texts => _texts.AsReadOnly();

    public CriterionClassification Classification => new(Theme, AmbitionLevel, Type, Strategy, References);

    /// <summary>The text in <paramref name="language"/>, or null when it has not been translated.</summary>
    public CriterionText? TextIn(CriteriaLanguage language) => _texts.FirstOrDefault(t => t.Language == language);

    /// <summary>How far the translation into <paramref name="language"/> is.</summary>
    public TranslationStatus TranslationStatusIn(CriteriaLanguage language)
    {
        var text = TextIn(language);
        return text is null ? TranslationStatus.Missing
            : language == CriteriaLanguages.Source || text.TranslatedFromRevision >= SourceRevision ? TranslationStatus.UpToDate
            : TranslationStatus.Outdated;
    }

    internal void Classify(CriterionClassification classification)
    {
        Theme = classification.Theme;
        AmbitionLevel = classification.AmbitionLevel;
        Type = classification.Type;
        Strategy = classification.Strategy;
        References = Guard.Optional(classification.References, CriterionFields.References, ReferencesMaxLength);
    }

    internal void Write(CriteriaLanguage language, CriterionContent content)
    {
        var validated = content.Validated();
        if (language == CriteriaLanguages.Source)
        {
            var source = TextIn(language)!;
            if (source.Content != validated)
            {
                SourceRevision++;
                source.Replace(validated, SourceRevision);
            }

            return;
        }

        var existing = TextIn(language);
        if (existing is null)
        {
            _texts.Add(new CriterionText(Id, language, validated, SourceRevision));
        }
        else
        {
            existing.Replace(validated, SourceRevision);
        }
    }

    internal void RemoveTranslation(CriteriaLanguage language)
    {
        if (language == CriteriaLanguages.Source)
        {
            throw new DomainException(CriterionFields.Language, "The English source text cannot be removed.");
        }

        _texts.RemoveAll(t => t.Language == language);
    }

    internal Criterion CopyInto(Guid criteriaSetId)
    {
        var copy = new Criterion(criteriaSetId, Code, Classification, TextIn(CriteriaLanguages.Source)!.Content)
        {
            SourceRevision = SourceRevision,
        };
        copy._texts[0].Replace(TextIn(CriteriaLanguages.Source)!.Content, SourceRevision);
        foreach (var text in _texts.Where(t => t.Language != CriteriaLanguages.Source))
        {
            copy._texts.Add(new CriterionText(copy.Id, text.Language, text.Content, text.TranslatedFromRevision));
        }

        return copy;
    }
}

/// <summary>How a criterion is classed: theme, ambition level, type, strategy and references.</summary>
public sealed record CriterionClassification(
    CriterionTheme Theme,
    AmbitionLevel AmbitionLevel,
    CriterionType Type,
    PactStrategy Strategy,
    string? References);

public enum TranslationStatus
{
    Missing,
    Outdated,
    UpToDate,
}

/// <summary>The texts of a criterion in one language.</summary>
public sealed class CriterionText : Entity
{
    private CriterionText()
    {
        Title = string.Empty;
        Requirement = string.Empty;
    }

    internal CriterionText(Guid criterionId, CriteriaLanguage language, CriterionContent content, int translatedFromRevision)
    {
        CriterionId = criterionId;
        Language = language;
        Title = content.Title;
        Requirement = content.Requirement;
        Replace(content, translatedFromRevision);
    }

    public Guid CriterionId { get; private set; }

    public CriteriaLanguage Language { get; private set; }

    public string Title { get; private set; }

    public string Requirement { get; private set; }

    public string? Verification { get; private set; }

    public string? ContractManagement { get; private set; }

    public string? ExplanatoryNote { get; private set; }

    public string? MarketReadiness { get; private set; }

    /// <summary>The English source revision this text was written against.</summary>
    public int TranslatedFromRevision { get; private set; }

    public CriterionContent Content => new(Title, Requirement, Verification, ContractManagement, ExplanatoryNote, MarketReadiness);

    internal void Replace(CriterionContent content, int translatedFromRevision)
    {
        Title = content.Title;
        Requirement = content.Requirement;
        Verification = content.Verification;
        ContractManagement = content.ContractManagement;
        ExplanatoryNote = content.ExplanatoryNote;
        MarketReadiness = content.MarketReadiness;
        TranslatedFromRevision = translatedFromRevision;
    }
}
