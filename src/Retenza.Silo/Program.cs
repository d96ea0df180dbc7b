using Retenza.Hosting;

var builder = Host.CreateApplicationBuilder(args);
var settings = builder.AddRetenzaSilo();
await settings.MigrateOnStartAsync();
await builder.Build().RunAsync();
