// SupportDesk: `dotnet run --project samples/SupportDesk` serves the API;
// `dotnet run --project samples/SupportDesk -- --demo` plays the scripted demo and exits.
using SupportDesk;
using SupportDesk.Demo;

if (args.Contains(DemoHost.Switch, StringComparer.Ordinal))
{
    return await DemoHost.RunAsync(args.Where(a => a != DemoHost.Switch).ToArray());
}

var app = SupportDeskApp.Build(SupportDeskApp.CreateBuilder(args));
await app.RunAsync();
return 0;
