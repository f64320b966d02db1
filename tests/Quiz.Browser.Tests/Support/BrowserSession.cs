using Microsoft.Playwright;

namespace Quiz.Browser.Tests.Support;

/// <summary>Debian's chromium under Playwright (never a downloaded browser), with contexts for a phone, a laptop, a desktop and a projector.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Chromium = browser;
    }

    public IBrowser Chromium { get; }

    public static async Task<BrowserSession> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return new BrowserSession(playwright, browser);
    }

    public async Task<IPage> PhoneAsync(Uri server) => await PageAsync(server, 360, 740, isMobile: true);

    public async Task<IPage> LaptopAsync(Uri server) => await PageAsync(server, 1366, 900);

    public async Task<IPage> ProjectorAsync(Uri server) => await PageAsync(server, 1920, 1080);

    /// <summary>An organizer's desktop (1440x900), where the admin pages are used and photographed.</summary>
    public async Task<IPage> DesktopAsync(Uri server) => await PageAsync(server, 1440, 900);

    /// <summary>The host's laptop as issue 17 measured it: 1366x768, where the stage panel must be in view.</summary>
    public async Task<IPage> HostLaptopAsync(Uri server) => await PageAsync(server, 1366, 768);

    /// <summary>A phone of another size (the larger of the two measured: 414x896).</summary>
    public async Task<IPage> PhoneAsync(Uri server, int width, int height) => await PageAsync(server, width, height, isMobile: true);

    private async Task<IPage> PageAsync(Uri server, int width, int height, bool isMobile = false)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = isMobile,
            HasTouch = isMobile,
            DeviceScaleFactor = 1,
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
