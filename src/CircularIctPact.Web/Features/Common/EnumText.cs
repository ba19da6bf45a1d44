using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Domain.Signatories;

namespace CircularIctPact.Web.Features.Common;

/// <summary>Readable labels for domain enums, in one place for every page and export.</summary>
public static class EnumText
{
    public static string Sector(Sector sector) => sector switch
    {
        Domain.Members.Sector.CentralGovernment => "Central government",
        Domain.Members.Sector.RegionalOrLocalGovernment => "Regional or local government",
        Domain.Members.Sector.Education => "Education",
        Domain.Members.Sector.Healthcare => "Healthcare",
        Domain.Members.Sector.OtherPublicBody => "Other public body",
        Domain.Members.Sector.PrivateCompany => "Private company",
        Domain.Members.Sector.NonProfit => "Non-profit",
        _ => sector.ToString(),
    };

    public static string SignatoryRole(SignatoryRole role) => role switch
    {
        Domain.Signatories.SignatoryRole.CoLead => "Co-lead",
        _ => role.ToString(),
    };

    /// <summary>A portal role (<see cref="PortalRoles"/>) as a person reads it; pages look the label up in the shared resources.</summary>
    public static string Role(string role) => role switch
    {
        PortalRoles.SecretariatAdmin => "Secretariat administrator",
        PortalRoles.BuyerGroupCoordinator => "Buyer-group coordinator",
        PortalRoles.WorkingGroupChair => "Working-group chair",
        PortalRoles.Procurer => "Procurer",
        PortalRoles.Stakeholder => "Stakeholder",
        _ => role,
    };

    public static string SignatoryKind(SignatoryKind kind) => kind switch
    {
        Domain.Signatories.SignatoryKind.NationalGovernment => "National government",
        Domain.Signatories.SignatoryKind.RegionalGovernment => "Regional government",
        _ => "Organisation",
    };
}
