using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace TitleReview.Application.Tests.Files;

/// <summary>
/// A real S3-protocol server on this machine for the storage contract: s3rver (an npm package,
/// pinned in <c>tests/tools/s3rver</c> and installed by <c>.ci/run</c> with <c>npm ci</c>) run by
/// node as a child process, listening on a free loopback port that it reports itself.
/// </summary>
internal sealed partial class S3rverProcess : IDisposable
{
    /// <summary>The key pair s3rver accepts.</summary>
    public const string AccessKey = "S3RVER";

    public const string SecretKey = "S3RVER";

    /// <summary>Generous: a cold node on a busy 2-core machine.</summary>
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly string _dataFolder;

    private S3rverProcess(Process process, string dataFolder, Uri serviceUrl)
    {
        _process = process;
        _dataFolder = dataFolder;
        ServiceUrl = serviceUrl;
    }

    public Uri ServiceUrl { get; }

    /// <summary>
    /// Why s3rver cannot run here (no node on the PATH, or the package not installed), or null
    /// when it can; <paramref name="script"/> and <paramref name="node"/> are then what to run.
    /// </summary>
    public static string? Unavailable(out string node, out string script)
    {
        script = Path.Combine(RepositoryRoot(), "tests", "tools", "s3rver", "node_modules", "s3rver", "bin", "s3rver.js");
        node = FindOnPath("node") ?? string.Empty;
        if (node.Length == 0)
        {
            return "node is not on the PATH: the S3 store's contract tests need node to run s3rver.";
        }

        return File.Exists(script)
            ? null
            : $"s3rver is not installed ({script} is missing): run `npm ci --prefix tests/tools/s3rver` (as .ci/run does).";
    }

    /// <summary>Starts s3rver on a free port and waits until it answers HTTP.</summary>
    public static async Task<S3rverProcess> StartAsync(string node, string script)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "titlereview-s3rver-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var start = new ProcessStartInfo(node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { script, "--directory", dataFolder, "--address", "127.0.0.1", "--port", "0", "--no-vhost-buckets" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        void Read(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            var match = ListeningLine().Match(e.Data);
            if (match.Success)
            {
                listening.TrySetResult(int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        process.OutputDataReceived += Read;
        process.ErrorDataReceived += Read;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("s3rver exited before it listened."));
        process.EnableRaisingEvents = true;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        try
        {
            var port = await listening.Task.WaitAsync(StartBound);
            var server = new S3rverProcess(process, dataFolder, new Uri($"http://127.0.0.1:{port}"));
            await server.WaitUntilAnsweringAsync(StartBound - deadline.Elapsed);
            return server;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or HttpRequestException)
        {
            string log;
            lock (output)
            {
                log = output.ToString();
            }

            Stop(process);
            throw new InvalidOperationException($"s3rver did not start: {e.Message}\n{log}", e);
        }
    }

    public void Dispose()
    {
        Stop(_process);
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder; left for the system to clean.
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        process.Dispose();
    }

    /// <summary>Polls the root until any HTTP answer comes (s3rver says 403 to an unsigned request).</summary>
    private async Task WaitUntilAnsweringAsync(TimeSpan bound)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var _ = await http.GetAsync(ServiceUrl);
                return;
            }
            catch (Exception e) when ((e is HttpRequestException or TaskCanceledException) && until.Elapsed < bound)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TitleReview.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with TitleReview.sln) was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"listening on [^\s:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
