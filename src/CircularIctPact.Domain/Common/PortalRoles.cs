namespace CircularIctPact.Domain.Common;

/// <summary>The Identity roles of the portal. Scopes (which groups) are data, not roles.</summary>
public static class PortalRoles
{
    public const string SecretariatAdmin = nameof(SecretariatAdmin);
    public const string BuyerGroupCoordinator = nameof(BuyerGroupCoordinator);
    public const string WorkingGroupChair = nameof(WorkingGroupChair);
    public const string Procurer = nameof(Procurer);
    public const string Stakeholder = nameof(Stakeholder);

    public static IReadOnlyList<string> All { get; } =
        [SecretariatAdmin, BuyerGroupCoordinator, WorkingGroupChair, Procurer, Stakeholder];
}
