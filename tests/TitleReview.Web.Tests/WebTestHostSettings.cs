namespace TitleReview.Web.Tests;

/// <summary>
/// Dozens of test hosts start in one process; each would watch its appsettings files with an
/// inotify instance, and Linux allows 128 per user by default. Configuration never changes
/// during a test, so the hosts do not watch it.
/// </summary>
[SetUpFixture]
public sealed class WebTestHostSettings
{
    [OneTimeSetUp]
    public void TurnOffConfigurationWatching()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
