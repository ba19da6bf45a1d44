using CircularIctPact.Testing;
using CircularIctPact.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CircularIctPact.IntegrationTests.Hosting;

public sealed class PreparedStatementSettingsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public void The_portal_connects_with_prepared_statements()
    {
        using var db = portal.CreateDbContext();

        var settings = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());

        Assert.Equal(50, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
    }

    [Fact]
    public void Frequent_statements_are_prepared_and_connections_are_not_reset_unless_the_connection_string_says_otherwise()
    {
        var settings = new NpgsqlConnectionStringBuilder(
            PortalDatabase.WithPreparedStatements("Host=127.0.0.1;Database=cfit;Username=portal"));

        Assert.Equal(50, settings.MaxAutoPrepare);
        Assert.Equal(2, settings.AutoPrepareMinUsages);
        Assert.True(settings.NoResetOnClose);
        Assert.Equal("cfit", settings.Database);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Database=cfit;Max Auto Prepare=0", 0, 2, true)]
    [InlineData("Host=127.0.0.1;Database=cfit;MaxAutoPrepare=10;Auto Prepare Min Usages=5", 10, 5, true)]
    [InlineData("Host=127.0.0.1;Database=cfit;max auto prepare=0;No Reset On Close=false", 0, 2, false)]
    [InlineData("Host=127.0.0.1;Database=cfit;NoResetOnClose=false", 50, 2, false)]
    public void Each_setting_an_operator_names_in_the_connection_string_is_kept(
        string connectionString,
        int maxAutoPrepare,
        int minUsages,
        bool noResetOnClose)
    {
        var settings = new NpgsqlConnectionStringBuilder(PortalDatabase.WithPreparedStatements(connectionString));

        Assert.Equal(maxAutoPrepare, settings.MaxAutoPrepare);
        Assert.Equal(minUsages, settings.AutoPrepareMinUsages);
        Assert.Equal(noResetOnClose, settings.NoResetOnClose);
    }
}
