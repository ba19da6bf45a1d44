namespace CircularIctPact.Web.Features.Signatories;

public static class SignatoriesFeature
{
    public static IServiceCollection AddSignatoriesFeature(this IServiceCollection services) =>
        services.AddScoped<SignatoryAdministration>().AddScoped<PublicSignatoryList>();
}
