using CircularIctPact.Domain.BuyerGroups;
using CircularIctPact.Domain.Documents;
using CircularIctPact.Domain.Events;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class PactEventConfiguration : IEntityTypeConfiguration<PactEvent>
{
    public void Configure(EntityTypeBuilder<PactEvent> builder)
    {
        builder.ToTable("events");
        builder.Property(e => e.Title).HasMaxLength(PactEvent.TitleMaxLength);
        builder.Property(e => e.Description).HasMaxLength(PactEvent.DescriptionMaxLength);
        builder.Property(e => e.Language).AsBoundedString();
        builder.Property(e => e.Translations).AsTranslations();
        builder.Property(e => e.Kind).AsBoundedString();
        builder.Property(e => e.Audience).AsBoundedString();
        builder.Property(e => e.TimeZoneId).HasMaxLength(PactEvent.TimeZoneMaxLength);
        builder.Property(e => e.OnlineLink).HasMaxLength(PactEvent.LinkMaxLength);
        builder.Property(e => e.Place).HasMaxLength(PactEvent.PlaceMaxLength);
        builder.HasIndex(e => e.StartsAt);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.OrganiserUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BuyerGroup>().WithMany().HasForeignKey(e => e.BuyerGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WorkingGroup>().WithMany().HasForeignKey(e => e.WorkingGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(e => e.SeatsTaken);
        builder.Ignore(e => e.Details);
        builder.HasXminConcurrency();
        builder.HasMany(e => e.Registrations).WithOne().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Registrations).HasField("_registrations");
        builder.HasMany(e => e.Materials).WithOne().HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Materials).HasField("_materials");
    }
}

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.EventId, r.UserId }).IsUnique();
        builder.HasIndex(r => r.UserId);
        builder.Property(r => r.Status).AsBoundedString();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EventMaterialConfiguration : IEntityTypeConfiguration<EventMaterial>
{
    public void Configure(EntityTypeBuilder<EventMaterial> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Title).HasMaxLength(EventMaterial.TitleMaxLength);
        builder.Property(m => m.Url).HasMaxLength(PactEvent.LinkMaxLength);
        builder.HasOne<StoredDocument>().WithMany().HasForeignKey(m => m.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
