using CircularIctPact.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> builder)
    {
        builder.ToTable("sign_in_throttles");
        builder.HasKey(t => new { t.AccountKeyHash, t.Client });
        builder.Property(t => t.AccountKeyHash).HasMaxLength(SignInThrottle.AccountKeyHashLength);
        builder.Property(t => t.Client).HasMaxLength(SignInThrottle.ClientMaxLength);
    }
}
