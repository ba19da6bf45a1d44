using CircularIctPact.Domain.BuyerGroups;
using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Tests.BuyerGroups;

public sealed class BuyerGroupTierTests
{
    [Fact]
    public void Moving_a_tier_swaps_it_with_its_neighbour_and_keeps_the_order_contiguous()
    {
        var group = NewGroup();
        var extra = group.AddTier("Observers");

        group.MoveTier(extra.Id, up: true);

        Assert.Equal([(BuyerGroupTier.LeadingGroup, 1), ("Observers", 2), (BuyerGroupTier.Peloton, 3)], Ordered(group));
    }

    [Fact]
    public void Moving_the_last_tier_down_is_refused()
    {
        var group = NewGroup();
        var last = group.Tiers.Single(t => t.Name == BuyerGroupTier.Peloton);

        var error = Assert.Throws<DomainException>(() => group.MoveTier(last.Id, up: false));

        Assert.Equal("This tier is already the last.", error.Message);
    }

    [Fact]
    public void Tier_with_members_is_not_removed_and_an_unused_one_is()
    {
        var group = NewGroup();
        var leading = group.Tiers.Single(t => t.Name == BuyerGroupTier.LeadingGroup);

        var error = Assert.Throws<DomainException>(() => group.RemoveTier(leading.Id, 1));
        group.RemoveTier(leading.Id, 0);

        Assert.Equal(
            "The tier 'Leading group' cannot be removed: 1 member organisation is placed in it. Move them to another tier first.",
            error.Message);
        Assert.Equal([(BuyerGroupTier.Peloton, 1)], Ordered(group));
    }

    [Fact]
    public void Renaming_to_the_name_of_another_tier_is_refused()
    {
        var group = NewGroup();
        var peloton = group.Tiers.Single(t => t.Name == BuyerGroupTier.Peloton);

        var error = Assert.Throws<DomainException>(() => group.RenameTier(peloton.Id, "leading group"));
        group.RenameTier(peloton.Id, "Followers");

        Assert.Equal("The group already has a tier called 'leading group'.", error.Message);
        Assert.Contains(group.Tiers, t => t.Name == "Followers");
    }

    [Fact]
    public void Archiving_needs_a_reason_and_happens_once()
    {
        var group = NewGroup();

        Assert.Throws<DomainException>(() => group.Archive("  ", new DateOnly(2026, 1, 5)));
        group.Archive("Merged", new DateOnly(2026, 1, 5));
        var twice = Assert.Throws<DomainException>(() => group.Archive("Again", new DateOnly(2026, 1, 6)));

        Assert.True(group.IsArchived);
        Assert.Equal(new DateOnly(2026, 1, 5), group.ArchivedOn);
        Assert.Equal("The buyer group is already archived.", twice.Message);
    }

    private static BuyerGroup NewGroup() => new(Guid.NewGuid(), "Test group", "Agency", null);

    private static (string Name, int Order)[] Ordered(BuyerGroup group) => [.. group.Tiers.OrderBy(t => t.Order)
        .Select(t => (t.Name, t.Order))];
}
