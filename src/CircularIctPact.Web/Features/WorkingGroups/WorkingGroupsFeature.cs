namespace CircularIctPact.Web.Features.WorkingGroups;

public static class WorkingGroupsFeature
{
    public static IServiceCollection AddWorkingGroupsFeature(this IServiceCollection services) =>
        services.AddScoped<WorkingGroupDirectory>().AddScoped<WorkingGroupWorkspace>().AddScoped<WorkingGroupAdministration>();
}
