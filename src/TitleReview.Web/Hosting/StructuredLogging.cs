using Serilog;
using Serilog.Configuration;
using Serilog.Formatting.Compact;

namespace TitleReview.Web.Hosting;

/// <summary>
/// Where the log goes and in what shape (ADR 0061). Outside Development the console writes one
/// JSON object per line (Serilog's compact format: <c>@t</c>, <c>@mt</c>, <c>@l</c>, <c>@x</c> and every
/// property, <c>CorrelationId</c> among them), which a log collector reads as it is; a developer's
/// console stays readable text. The rolling file in the data folder is text for people to grep,
/// each line with its request's correlation id.
/// </summary>
internal static class StructuredLogging
{
    /// <summary>Text lines: time, level, the request's correlation id (empty outside a request), message.</summary>
    public const string TextTemplate =
        "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {" + CorrelationId.LogProperty + "} {Message:lj}{NewLine}{Exception}";

    /// <summary>JSON lines on the console unless the host runs in Development.</summary>
    public static bool ConsoleWritesJson(IHostEnvironment environment) => !environment.IsDevelopment();

    public static void WriteToConsole(LoggerSinkConfiguration sinks, IHostEnvironment environment)
    {
        if (ConsoleWritesJson(environment))
        {
            sinks.Console(new CompactJsonFormatter());
        }
        else
        {
            sinks.Console(outputTemplate: TextTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
