namespace TitleReview.Infrastructure.Hosting;

/// <summary>
/// Where the application keeps its files: the data folder (SQLite database, uploads, logs)
/// and the workflows folder (definitions, timelines, calendars).
/// </summary>
public sealed class StoragePaths
{
    public const string DataFolderKey = "DataFolder";
    public const string WorkflowsFolderKey = "WorkflowsFolder";

    public StoragePaths(string dataFolder, string workflowsFolder)
    {
        DataFolder = Path.GetFullPath(dataFolder);
        WorkflowsFolder = Path.GetFullPath(workflowsFolder);
    }

    public string DataFolder { get; }

    public string WorkflowsFolder { get; }

    public string CalendarsFolder => Path.Combine(WorkflowsFolder, "calendars");

    /// <summary>
    /// Where Data Protection keys were kept before they moved into the database (ADR 0058); read
    /// once, at start-up, to carry an older installation's keys over.
    /// </summary>
    public string LegacyKeysFolder => Path.Combine(DataFolder, "keys");

    public string LogsFolder => Path.Combine(DataFolder, "logs");

    public string SqliteDatabaseFile => Path.Combine(DataFolder, "titlereview.db");

    /// <summary>Uploaded files, under random names; created on demand by the file store.</summary>
    public string UploadsFolder => Path.Combine(DataFolder, "uploads");

    /// <summary>E-mails written as <c>.eml</c> files when no SMTP server is configured.</summary>
    public string MailFolder => Path.Combine(DataFolder, "mail");

    /// <summary>Text messages written as files when no SMS gateway is configured.</summary>
    public string SmsFolder => Path.Combine(DataFolder, "sms");

    /// <summary>
    /// Data folder: <c>DataFolder</c> from configuration, else <c>App_Data</c> under the content
    /// root. Workflows folder: <c>WorkflowsFolder</c>, else the copy beside the binaries.
    /// </summary>
    public static StoragePaths Resolve(string? configuredDataFolder, string? configuredWorkflowsFolder, string contentRoot)
    {
        var data = string.IsNullOrWhiteSpace(configuredDataFolder)
            ? Path.Combine(contentRoot, "App_Data")
            : Path.Combine(contentRoot, configuredDataFolder);
        var workflows = string.IsNullOrWhiteSpace(configuredWorkflowsFolder)
            ? Path.Combine(AppContext.BaseDirectory, "workflows")
            : Path.Combine(contentRoot, configuredWorkflowsFolder);
        return new StoragePaths(data, workflows);
    }

    public void EnsureCreated()
    {
        Directory.CreateDirectory(DataFolder);
        Directory.CreateDirectory(LogsFolder);
    }
}
