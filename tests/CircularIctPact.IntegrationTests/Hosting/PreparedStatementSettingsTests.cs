using CircularIctPact.Web.Hosting;
using Npgsql;

namespace CircularIctPact.IntegrationTests.Hosting;

public sealed class PreparedStatementSettingsTests
{
    [Fact]
    public void Frequent_statements_are_prepared_and_connections_are_not_reset_unless_the_connection_string_says_otherwise()
    {
        var settings = new NpgsqlConnectionStringBuilder(PortalDatabase.WithPreparedStatements("Host=127.0.0.1;Database=cfit;Username=portal"));

        Assert.Equal(50, settings.MaxAutoPrepare);
        Assert.Equal(2, settings.AutoPrepareMinUsages);
        Assert.True(settings.NoResetOnClose);
        Assert.Equal("cfit", settings.Database);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Database=cfit;Max Auto Prepare=0", 0)]
    [InlineData("Host=127.0.0.1;Database=cfit;MaxAutoPrepare=10", 10)]
    [InlineData("Host=127.0.0.1;Database=cfit;max auto prepare=5", 5)]
    public void An_operator_who_names_Max_Auto_Prepare_keeps_their_connection_string(string connectionString, int expected)
    {
        var result = PortalDatabase.WithPreparedStatements(connectionString);

        Assert.Equal(connectionString, result);
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(result).MaxAutoPrepare);
    }
}
