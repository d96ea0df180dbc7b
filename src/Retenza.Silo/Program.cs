using Retenza.Hosting;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
var settings = builder.AddRetenzaSilo();
await settings.MigrateOnStartAsync();
try
{
    await builder.Build().RunAsync();
}
catch (OperationCanceledException)
{
    // SIGTERM while the silo was still joining: a normal stop, not a crash.
    Console.Error.WriteLine("Retenza.Silo stopped before it finished starting.");
    return 1;
}

return 0;
