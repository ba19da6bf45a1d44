namespace CircularIctPact.Web.Features.Discussions;

public static class DiscussionsFeature
{
    /// <summary>Registers the discussion spaces, threads, replies and search.</summary>
    public static IServiceCollection AddDiscussionsFeature(this IServiceCollection services) =>
        services.AddScoped<DiscussionBoard>();
}
