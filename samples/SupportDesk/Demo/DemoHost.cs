namespace SupportDesk.Demo;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

/// <summary>
/// `--demo`: starts the desk on a free loopback port, plays <see cref="DemoScript"/> against it over
/// real HTTP, prints every request with the decision and its explanation, and stops. Exit code 0
/// when every answer was the expected one.
/// </summary>
public static class DemoHost
{
    public const string Switch = "--demo";

    public static async Task<int> RunAsync(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        var builder = SupportDeskApp.CreateBuilder(args);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // The demo prints the decisions itself; the app's own log would interleave with them.
        // The engine logs each refusal as a warning; here the refusals are the point, printed in full.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("ServicePolicy", LogLevel.Error);
        await using var app = SupportDeskApp.Build(builder);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The desk started without a listening address.");
            using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
            Console.WriteLine($"SupportDesk listening on {address}");
            return await new DemoScript(client, Console.Out, app.Services.GetRequiredService<TimeProvider>()).RunAsync();
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
