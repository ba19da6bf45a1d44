using CircularIctPact.Domain.Notifications;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Privacy;
using CircularIctPact.Web.Hosting;

namespace CircularIctPact.IntegrationTests.Hosting;

/// <summary>Each feature registers itself in one place, and the host's list of features leaves none out.</summary>
public sealed class PortalFeatureTests
{
    private const string FeaturesNamespace = "CircularIctPact.Web.Features.";

    private static readonly Type[] WebTypes = typeof(IPortalFeature).Assembly.GetTypes();

    [Fact]
    public void The_host_lists_every_feature_once()
    {
        var features = WebTypes.Where(type => type.IsClass && !type.IsAbstract && type.IsAssignableTo(typeof(IPortalFeature)));

        Assert.Equal(
            features.Order(TypeByName.Instance),
            PortalFeatures.All.Select(feature => feature.GetType()).Order(TypeByName.Instance));
    }

    [Fact]
    public void Every_feature_folder_has_its_own_feature_registration()
    {
        var folders = WebTypes
            .Select(type => type.Namespace)
            .OfType<string>()
            .Where(name => name.StartsWith(FeaturesNamespace, StringComparison.Ordinal))
            .Select(name => name[FeaturesNamespace.Length..].Split('.')[0])
            .Where(folder => folder != "Common")
            .Distinct();

        var without = folders.Where(folder => !PortalFeatures.All.Any(feature =>
            feature.GetType().FullName == $"{FeaturesNamespace}{folder}.{folder}Feature")).ToList();

        Assert.True(without.Count == 0, "Feature folders without a <Name>Feature in the host's list: " + string.Join(", ", without));
    }

    [Fact]
    public void Each_personal_data_contributor_is_declared_by_the_feature_in_its_own_folder()
    {
        var contributors = WebTypes.Where(
            type => type.IsClass && !type.IsAbstract && type.IsAssignableTo(typeof(IPersonalDataContributor)));

        var misplaced = contributors.Where(contributor => PortalFeatures.All.Count(feature =>
            feature.PersonalData.Any(registration => registration.Contributor == contributor)
            && feature.GetType().Namespace == contributor.Namespace) != 1).Select(contributor => contributor.Name).ToList();

        Assert.True(misplaced.Count == 0, "Contributors not declared once by their own feature: " + string.Join(", ", misplaced));
    }

    [Fact]
    public void Every_notification_kind_is_declared_by_exactly_one_feature()
    {
        var declared = PortalFeatures.NotificationKinds.Select(label => label.Kind).ToList();

        Assert.Equal(Enum.GetValues<NotificationKind>().Order(), declared.Order());
    }

    [Fact]
    public void Menu_entries_have_distinct_positions_within_their_section()
    {
        var clashes = PortalFeatures.Navigation.GroupBy(entry => (entry.Section, entry.Position)).Where(group => group.Count() > 1)
            .Select(group => string.Join(" / ", group.Select(entry => entry.Title))).ToList();

        Assert.True(clashes.Count == 0, "Entries sharing a position: " + string.Join(", ", clashes));
    }

    private sealed class TypeByName : IComparer<Type>
    {
        public static readonly TypeByName Instance = new();

        public int Compare(Type? x, Type? y) => string.CompareOrdinal(x?.FullName, y?.FullName);
    }
}
