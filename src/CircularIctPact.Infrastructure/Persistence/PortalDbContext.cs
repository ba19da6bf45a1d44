using CircularIctPact.Domain.BuyerGroups;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Consultations;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Discussions;
using CircularIctPact.Domain.Documents;
using CircularIctPact.Domain.Events;
using CircularIctPact.Domain.Impact;
using CircularIctPact.Domain.Knowledge.GoodPractices;
using CircularIctPact.Domain.Knowledge.Library;
using CircularIctPact.Domain.Members;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Domain.Signatories;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Infrastructure.Persistence;

/// <summary>The portal's one database: Identity plus every feature's aggregates.</summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Signatory> Signatories => Set<Signatory>();

    public DbSet<BuyerGroup> BuyerGroups => Set<BuyerGroup>();

    public DbSet<BuyerGroupTier> BuyerGroupTiers => Set<BuyerGroupTier>();

    public DbSet<BuyerGroupCoordinator> BuyerGroupCoordinators => Set<BuyerGroupCoordinator>();

    public DbSet<BuyerGroupDocument> BuyerGroupDocuments => Set<BuyerGroupDocument>();

    public DbSet<StoredDocument> StoredDocuments => Set<StoredDocument>();

    public DbSet<MemberOrganisation> MemberOrganisations => Set<MemberOrganisation>();

    public DbSet<MembershipApplication> MembershipApplications => Set<MembershipApplication>();

    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<MemberContact> MemberContacts => Set<MemberContact>();

    public DbSet<WorkingGroup> WorkingGroups => Set<WorkingGroup>();

    public DbSet<WorkingGroupParticipant> WorkingGroupParticipants => Set<WorkingGroupParticipant>();

    public DbSet<WorkingGroupMeeting> WorkingGroupMeetings => Set<WorkingGroupMeeting>();
    public DbSet<WorkingGroupOutcome> WorkingGroupOutcomes => Set<WorkingGroupOutcome>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<WorkingGroupDocument> WorkingGroupDocuments => Set<WorkingGroupDocument>();

    public DbSet<ProductGroup> ProductGroups => Set<ProductGroup>();

    public DbSet<CriteriaSet> CriteriaSets => Set<CriteriaSet>();

    public DbSet<Criterion> Criteria => Set<Criterion>();

    public DbSet<CriterionText> CriterionTexts => Set<CriterionText>();

    public DbSet<SavedShortlist> SavedShortlists => Set<SavedShortlist>();

    public DbSet<CriterionSuggestion> CriterionSuggestions => Set<CriterionSuggestion>();

    public DbSet<SelfAssessment> SelfAssessments => Set<SelfAssessment>();

    public DbSet<SavedCalculation> SavedCalculations => Set<SavedCalculation>();

    public DbSet<Tender> Tenders => Set<Tender>();

    public DbSet<TenderInterest> TenderInterests => Set<TenderInterest>();

    public DbSet<MarketSignalSnapshot> MarketSignalSnapshots => Set<MarketSignalSnapshot>();
    public DbSet<Consultation> Consultations => Set<Consultation>();

    public DbSet<ConsultationComment> ConsultationComments => Set<ConsultationComment>();

    public DbSet<PactEvent> Events => Set<PactEvent>();

    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();

    public DbSet<EventMaterial> EventMaterials => Set<EventMaterial>();
    public DbSet<DiscussionThread> DiscussionThreads => Set<DiscussionThread>();

    public DbSet<DiscussionReply> DiscussionReplies => Set<DiscussionReply>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<GoodPracticeCase> GoodPracticeCases => Set<GoodPracticeCase>();

    public DbSet<LibraryItem> LibraryItems => Set<LibraryItem>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ApplicationUser>().ToTable("users");
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.Entity<IdentityUserPasskey<Guid>>().ToTable("user_passkeys");
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
