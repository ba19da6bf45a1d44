using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Criteria;

/// <summary>
/// The text fields of a criterion in one language. Title and requirement are required; the others may be empty.
/// Requirement, verification, contract management, explanatory note and market readiness may hold simple
/// HTML that the application sanitises before it reaches the domain.
/// </summary>
public sealed record CriterionContent(
    string Title,
    string Requirement,
    string? Verification,
    string? ContractManagement,
    string? ExplanatoryNote,
    string? MarketReadiness)
{
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 10_000;

    /// <summary>Checks the limits and trims; throws a <see cref="DomainException"/> naming the field.</summary>
    public CriterionContent Validated() => new(
        Guard.Required(Title, CriterionFields.Title, TitleMaxLength),
        Guard.Required(Requirement, CriterionFields.Requirement, TextMaxLength),
        Guard.Optional(Verification, CriterionFields.Verification, TextMaxLength),
        Guard.Optional(ContractManagement, CriterionFields.ContractManagement, TextMaxLength),
        Guard.Optional(ExplanatoryNote, CriterionFields.ExplanatoryNote, TextMaxLength),
        Guard.Optional(MarketReadiness, CriterionFields.MarketReadiness, TextMaxLength));

    /// <summary>The fields by name, in the order pages and the change view show them.</summary>
    public IEnumerable<(string Field, string? Text)> Fields()
    {
        yield return ("Title", Title);
        yield return ("Requirement", Requirement);
        yield return ("Verification", Verification);
        yield return ("Contract management", ContractManagement);
        yield return ("Explanatory note", ExplanatoryNote);
        yield return ("Market readiness", MarketReadiness);
    }
}
