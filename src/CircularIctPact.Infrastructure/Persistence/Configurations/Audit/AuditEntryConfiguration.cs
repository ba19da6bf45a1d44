using CircularIctPact.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.EntityType).HasMaxLength(AuditEntry.TypeMaxLength);
        builder.Property(e => e.Action).HasMaxLength(AuditEntry.ActionMaxLength);
        builder.Property(e => e.ActorName).HasMaxLength(AuditEntry.ActorNameMaxLength);
        builder.Property(e => e.Summary).HasMaxLength(AuditEntry.SummaryMaxLength);
        builder.Property(e => e.Before).HasColumnType("jsonb");
        builder.Property(e => e.After).HasColumnType("jsonb");
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.BuyerGroupId, e.OccurredAt });
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
    }
}
