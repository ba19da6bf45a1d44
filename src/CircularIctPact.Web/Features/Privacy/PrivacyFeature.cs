using CircularIctPact.Web.Features.Common;
using Serilog.Core;

namespace CircularIctPact.Web.Features.Privacy;

/// <summary>
/// The GDPR self-service behind the account's personal-data pages, and log masking. Each feature registers its own
/// personal-data contributor (<see cref="IPortalFeature.PersonalData"/>); the host adds them in the order of the
/// feature list.
/// </summary>
public sealed class PrivacyFeature : IPortalFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services
            .AddSingleton<Pseudonyms>()
            .AddScoped<PersonalDataSelfService>()
            .AddSingleton<ILogEventEnricher, EmailMaskingEnricher>();
}
