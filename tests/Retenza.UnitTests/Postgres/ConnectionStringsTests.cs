using Npgsql;
using Retenza.Postgres;

namespace Retenza.UnitTests.Postgres;

public sealed class ConnectionStringsTests
{
    [Fact]
    public void Orleans_connections_skip_the_reset_prepare_repeated_statements_and_multiplex_by_default()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ConnectionStrings.ForOrleans("Host=db;Database=retenza;Username=app;Password=secret"));

        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(32, tuned.MaxAutoPrepare);
        Assert.True(tuned.Multiplexing);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("secret", tuned.Password);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false;Max Auto Prepare=0;Multiplexing=false")]
    [InlineData("Host=db;noresetonclose=false;maxautoprepare=0;multiplexing=false")]
    public void What_the_operator_set_stands(string given)
    {
        var tuned = new NpgsqlConnectionStringBuilder(ConnectionStrings.ForOrleans(given));

        Assert.False(tuned.NoResetOnClose);
        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.Multiplexing);
    }
}
