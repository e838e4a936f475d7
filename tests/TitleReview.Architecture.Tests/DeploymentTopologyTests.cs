using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using TitleReview.Application.Files;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace TitleReview.Architecture.Tests;

/// <summary>
/// The production topology's invariants (ADR 0062), read from the files an operator deploys:
/// deploy/docker-compose.yml, deploy/Dockerfile, deploy/nginx/nginx.conf, deploy/.env.example
/// and the ignore files. No container engine runs here; CI also checks the compose file's
/// syntax with docker-compose (see .ci/run).
/// </summary>
public partial class DeploymentTopologyTests
{
    private const string DataFolder = "/var/lib/titlereview";

    private const int AppPort = 8080;

    /// <summary>The upload endpoints refuse a body longer than one file plus this much (DossierEndpoints).</summary>
    private const long MultipartOverhead = 64 * 1024;

    private static readonly string Root = FindRoot();

    private static readonly Lazy<Dictionary<string, object?>> Compose = new(() => ReadYaml(Path.Combine(Root, "deploy", "docker-compose.yml")));

    private static Dictionary<string, object?> Services => Map(Compose.Value["services"]);

    [Test]
    public void Compose_FollowsTheComposeSpecification_WithoutAVersionKey()
    {
        Compose.Value.Should().ContainKey("services");
        Compose.Value.Should().NotContainKey("version", "the Compose Specification has no version key");
    }

    [Test]
    public void TwoServingInstances_RunTheSameImage_AndPublishNoPort()
    {
        var serving = ServingInstances();

        serving.Should().HaveCount(2, "the topology is two application instances behind the proxy");
        serving.Select(s => Scalar(Map(Services[s])["image"])).Distinct().Should().ContainSingle("both instances run the one application image");
        foreach (var name in serving)
        {
            Map(Services[name]).Should().NotContainKey("ports", $"{name} is reached through the proxy only");
            Settings(name)["Deployment__Instances"].Should().Be(serving.Count.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Test]
    public void Migrations_RunOnce_InAOneShotStep_BothInstancesWaitFor()
    {
        var oneShots = ApplicationServices().Where(IsMigrateStep).ToList();

        oneShots.Should().ContainSingle("exactly one step applies the migrations");
        var migrate = oneShots[0];
        var service = Map(Services[migrate]);
        Scalar(service["restart"]).Should().Be("no");
        Scalar(Map(Map(service["depends_on"])["db"])["condition"]).Should().Be("service_healthy");
        Scalar(Map(Services[migrate])["image"]).Should().Be(Scalar(Map(Services[ServingInstances()[0]])["image"]));

        foreach (var name in ServingInstances())
        {
            Settings(name)["Database__MigrateAtStartup"].Should().Be("false", $"{name} must not race the other instance to migrate");
            var dependsOn = Map(Map(Services[name])["depends_on"]);
            Scalar(Map(dependsOn[migrate])["condition"]).Should().Be("service_completed_successfully", $"{name} starts only after the migrations succeeded");
        }
    }

    [Test]
    public void Instances_ShareTheDatabaseAndTheObjectStore_AndTrustTheProxyNetwork()
    {
        var subnet = Scalar(Map(List(Map(Map(Map(Compose.Value["networks"])["frontend"])["ipam"])["config"])[0])["subnet"]);

        foreach (var name in ServingInstances())
        {
            var environment = Settings(name);
            environment["Database__Provider"].Should().Be("SqlServer");
            environment["Storage__Provider"].Should().Be("S3", "uploads must be seen by every instance");
            environment["Storage__S3__ServiceUrl"].Should().StartWith("http://minio:");
            environment.Should().ContainKey("ConnectionStrings__TitleReview");
            environment["ForwardedHeaders__KnownNetworks__0"].Should().Be(subnet, "the proxy's address is in the frontend network");
            List(Map(Services[name])["networks"]).Select(Scalar).Should().Contain("frontend");
            List(Map(Services[name])["volumes"]).Select(Scalar).Should().ContainSingle(v => v!.EndsWith(":" + DataFolder, StringComparison.Ordinal));
        }

        List(Map(Services["proxy"])["networks"]).Select(Scalar).Should().NotContain("backend", "the proxy reaches the instances, not the database");
    }

    [Test]
    public void NoSecret_IsWrittenInTheComposeFile()
    {
        var findings = new List<string>();
        foreach (var (service, value) in Services)
        {
            if (!Map(value).TryGetValue("environment", out var env) || env is null)
            {
                continue;
            }

            foreach (var (key, setting) in Map(env))
            {
                var text = Scalar(setting) ?? string.Empty;
                if (SecretName().IsMatch(key) && !WholeVariable().IsMatch(text))
                {
                    findings.Add($"{service}: {key}={text}");
                }

                if (PasswordInConnectionString().Match(text) is { Success: true } password && !password.Groups["value"].Value.StartsWith("${", StringComparison.Ordinal))
                {
                    findings.Add($"{service}: {key} holds a literal password");
                }
            }
        }

        findings.Should().BeEmpty("every secret comes from the env file as ${...}");
    }

    [Test]
    public void EveryVariableTheComposeFileNeeds_IsInTheEnvExample_AsAPlaceholderWhenSecret()
    {
        var example = ReadEnvFile(Path.Combine(Root, "deploy", ".env.example"));
        var needed = RequiredVariable().Matches(File.ReadAllText(Path.Combine(Root, "deploy", "docker-compose.yml")))
            .Select(m => m.Groups["name"].Value)
            .ToHashSet(StringComparer.Ordinal);

        needed.Should().Contain(["MSSQL_SA_PASSWORD", "MINIO_ROOT_PASSWORD", "S3_SECRET_KEY"]);
        example.Keys.Should().Contain(needed, "docker-compose config runs on the example in CI");
        example.Where(e => SecretName().IsMatch(e.Key) && e.Value.Length > 0)
            .Should().OnlyContain(e => Placeholder().IsMatch(e.Value), "the example holds placeholders, never a real secret");
        foreach (var required in new[] { "MSSQL_SA_PASSWORD", "MINIO_ROOT_PASSWORD", "S3_SECRET_KEY", "S3_ACCESS_KEY", "BOOTSTRAP_OFFICE_PASSWORD" })
        {
            example[required].Should().MatchRegex(Placeholder().ToString(), $"{required} must be replaced before the first start");
        }
    }

    [Test]
    public void Proxy_BalancesOverBothInstances_WithoutStickySessions()
    {
        var proxy = Map(Services["proxy"]);
        List(proxy["volumes"]).Select(Scalar).Should().Contain(v => v!.StartsWith("./nginx/nginx.conf:", StringComparison.Ordinal));
        List(proxy["ports"]).Select(Scalar).Should().Contain(p => p!.EndsWith(":443", StringComparison.Ordinal));

        var conf = ReadNginxConf();
        var upstream = Upstream().Match(conf);
        upstream.Success.Should().BeTrue("nginx.conf has an upstream block");
        var servers = UpstreamServer().Matches(upstream.Groups["body"].Value).Select(m => m.Groups["host"].Value + ":" + m.Groups["port"].Value);
        servers.Should().BeEquivalentTo(ServingInstances().Select(s => $"{s}:{AppPort}"), "the upstream names every serving instance");
        upstream.Groups["body"].Value.Should().NotContainAny(["ip_hash", "sticky", "hash "]);
        conf.Should().Contain($"proxy_pass http://{upstream.Groups["name"].Value};");
        conf.Should().Contain("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;")
            .And.Contain("proxy_set_header X-Forwarded-Proto $scheme;")
            .And.Contain("proxy_set_header X-Request-ID $request_id;")
            .And.Contain("return 301 https://");
        conf.Should().NotContain("Strict-Transport-Security", "the application sends HSTS");
    }

    [Test]
    public void Proxy_AcceptsTheLargestUpload_TheApplicationAccepts()
    {
        var conf = ReadNginxConf();
        var limit = BodyLimit().Match(conf);
        limit.Success.Should().BeTrue();
        var bytes = long.Parse(limit.Groups["size"].Value, CultureInfo.InvariantCulture) * (limit.Groups["unit"].Value.ToUpperInvariant() switch
        {
            "K" => 1024L,
            "M" => 1024L * 1024,
            "G" => 1024L * 1024 * 1024,
            _ => 1L,
        });

        bytes.Should().BeGreaterThanOrEqualTo(UploadOptions.DefaultMaxFileBytes + MultipartOverhead, "otherwise nginx refuses a scan the application allows");
    }

    [Test]
    public void Image_RunsAsNonRoot_WithHealthCheckVolumeFontsAndTimeZones()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "deploy", "Dockerfile"));
        var lines = Instructions(dockerfile);

        lines.Should().Contain(l => l.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:", StringComparison.Ordinal));
        var runtimeStage = lines.Last(l => l.StartsWith("FROM ", StringComparison.Ordinal));
        runtimeStage.Should().StartWith("FROM mcr.microsoft.com/dotnet/aspnet:");

        var user = lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..].Trim();
        user.Should().BeOneOf(["app", "$APP_UID", "1654"], "the image's non-root app user (UID 1654), never root");
        lines.IndexOf(lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal))).Should().BeGreaterThan(lines.IndexOf(runtimeStage));

        lines.Should().ContainSingle(l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal)).Which.Should().Contain("/alive");
        lines.Should().Contain(l => l.StartsWith("VOLUME ", StringComparison.Ordinal) && l.Contains(DataFolder, StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("ENV ", StringComparison.Ordinal) && l.Contains("DataFolder=" + DataFolder, StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("ENV ", StringComparison.Ordinal) && l.Contains("ASPNETCORE_HTTP_PORTS=" + AppPort, StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("RUN ", StringComparison.Ordinal) && l.Contains("apt-get install", StringComparison.Ordinal)
            && l.Contains("fonts-noto-cjk", StringComparison.Ordinal) && l.Contains("fontconfig", StringComparison.Ordinal) && l.Contains("tzdata", StringComparison.Ordinal));
        lines.Should().Contain("ENTRYPOINT [\"dotnet\", \"TitleReview.Web.dll\"]", "`docker run image migrate` must run the migrate command line");
    }

    [Test]
    public void Image_RestoresFromEveryProjectTheWebProjectNeeds_BeforeCopyingTheSources()
    {
        var lines = Instructions(File.ReadAllText(Path.Combine(Root, "deploy", "Dockerfile")));
        var restore = lines.FindIndex(l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        var sources = lines.FindIndex(l => l.StartsWith("COPY src/ ", StringComparison.Ordinal));
        restore.Should().BePositive();
        sources.Should().BeGreaterThan(restore, "the restore layer is cached apart from the code");

        var copied = lines.Take(restore).Where(l => l.StartsWith("COPY ", StringComparison.Ordinal)).SelectMany(l => l.Split(' ')).ToHashSet(StringComparer.Ordinal);
        copied.Should().Contain(["Directory.Build.props", "Directory.Packages.props", "global.json"]);
        copied.Should().Contain(ProjectClosure("src/TitleReview.Web/TitleReview.Web.csproj"), "a project missing from the restore layer breaks `dotnet publish --no-restore`");
    }

    [Test]
    public void Secrets_AndCertificates_StayOutOfGit_AndOutOfTheImage()
    {
        IsIgnored("deploy/.env").Should().BeTrue();
        IsIgnored("deploy/nginx/certs/privkey.pem").Should().BeTrue();
        IsIgnored("deploy/nginx/certs/fullchain.pem").Should().BeTrue();
        IsIgnored("deploy/nginx/certs/README.md").Should().BeFalse();
        IsIgnored("deploy/.env.example").Should().BeFalse();

        var dockerignore = File.ReadAllLines(Path.Combine(Root, ".dockerignore")).Select(l => l.Trim()).ToList();
        dockerignore.Should().Contain([".git/", "**/bin/", "**/obj/", "deploy/.env", "deploy/nginx/certs/"]);
    }

    [Test]
    public void TheSecretCheck_CatchesALiteralPassword()
    {
        SecretName().IsMatch("MSSQL_SA_PASSWORD").Should().BeTrue();
        SecretName().IsMatch("Storage__S3__SecretKey").Should().BeTrue();
        SecretName().IsMatch("Storage__S3__Bucket").Should().BeFalse();
        WholeVariable().IsMatch("${MSSQL_SA_PASSWORD}").Should().BeTrue();
        WholeVariable().IsMatch("${SMTP_PASSWORD:-}").Should().BeTrue();
        WholeVariable().IsMatch("hunter2").Should().BeFalse();
        WholeVariable().IsMatch("${SMTP_PASSWORD:-hunter2}").Should().BeFalse();
        PasswordInConnectionString().Match("Server=db;User Id=sa;Password=hunter2;").Groups["value"].Value.Should().Be("hunter2");
        Placeholder().IsMatch("<sql-server-sa-password>").Should().BeTrue();
        Placeholder().IsMatch("Passw0rd!").Should().BeFalse();
    }

    private static List<string> ApplicationServices() =>
        Services.Where(s => Map(s.Value).TryGetValue("build", out var build) && build is not null
                && Scalar(Map(build)["dockerfile"]) == "deploy/Dockerfile")
            .Select(s => s.Key)
            .ToList();

    private static List<string> ServingInstances() => ApplicationServices().Where(s => !IsMigrateStep(s)).ToList();

    private static bool IsMigrateStep(string service) =>
        Map(Services[service]).TryGetValue("command", out var command) && command is not null
        && (command is List<object?> list ? list.Select(Scalar).FirstOrDefault() : Scalar(command)?.Split(' ')[0]) == "migrate";

    private static Dictionary<string, string> Settings(string service) =>
        Map(Map(Services[service])["environment"]).ToDictionary(e => e.Key, e => Scalar(e.Value) ?? string.Empty, StringComparer.Ordinal);

    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(Path.Combine(Root, next))!;
            foreach (var reference in XDocument.Load(Path.Combine(Root, next)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(folder, ((string)reference.Attribute("Include")!).Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(Root, full).Replace('\\', '/'));
            }
        }

        return seen;
    }

    /// <summary>Dockerfile instructions, one per entry, continuation lines joined, comments dropped.</summary>
    private static List<string> Instructions(string dockerfile) =>
        LineContinuation().Replace(dockerfile, " ")
            .Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => Whitespace().Replace(l, " "))
            .ToList();

    /// <summary>The proxy's configuration without its comments (which name what it does not do).</summary>
    private static string ReadNginxConf() =>
        NginxComment().Replace(File.ReadAllText(Path.Combine(Root, "deploy", "nginx", "nginx.conf")), string.Empty);

    private static bool IsIgnored(string path)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "check-ignore", "--quiet", "--no-index", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        git.WaitForExit();
        return git.ExitCode switch
        {
            0 => true,
            1 => false,
            _ => throw new InvalidOperationException($"git check-ignore {path} failed: {git.StandardError.ReadToEnd()}"),
        };
    }

    private static Dictionary<string, string> ReadEnvFile(string path) =>
        File.ReadAllLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal);

    private static Dictionary<string, object?> ReadYaml(string path)
    {
        using var reader = new StringReader(File.ReadAllText(path));

        // The merging parser resolves the file's `<<: *anchor` keys as docker-compose does.
        var document = new DeserializerBuilder().Build().Deserialize<object>(new MergingParser(new Parser(reader)));
        return Map(document);
    }

    private static Dictionary<string, object?> Map(object? node) =>
        node is Dictionary<object, object?> map
            ? map.ToDictionary(e => e.Key.ToString()!, e => e.Value, StringComparer.Ordinal)
            : throw new InvalidOperationException($"Expected a mapping, found {node?.GetType().Name ?? "nothing"}.");

    private static List<object?> List(object? node) =>
        node as List<object?> ?? throw new InvalidOperationException($"Expected a sequence, found {node?.GetType().Name ?? "nothing"}.");

    private static string? Scalar(object? node) => node?.ToString();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TitleReview.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("TitleReview.sln not found above the test assembly.");
    }

    /// <summary>A setting or variable that holds a secret.</summary>
    [GeneratedRegex(@"password|secret|access_?key|_PWD$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    /// <summary>The whole value is one variable, with at most an empty default.</summary>
    [GeneratedRegex(@"^\$\{[A-Z0-9_]+(:?-)?\}$")]
    private static partial Regex WholeVariable();

    [GeneratedRegex(@"(?:Password|Pwd)=(?<value>[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordInConnectionString();

    /// <summary>A variable the compose file reads without a default: it must be in the env file.</summary>
    [GeneratedRegex(@"(?<!\$)\$\{(?<name>[A-Z0-9_]+)\}")]
    private static partial Regex RequiredVariable();

    [GeneratedRegex(@"^<[^<>]+>$")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"upstream\s+(?<name>[\w-]+)\s*\{(?<body>[^}]*)\}")]
    private static partial Regex Upstream();

    [GeneratedRegex(@"^\s*server\s+(?<host>[\w.-]+):(?<port>\d+)", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex LineContinuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"#[^\n]*")]
    private static partial Regex NginxComment();

    [GeneratedRegex(@"client_max_body_size\s+(?<size>\d+)(?<unit>[kKmMgG]?);")]
    private static partial Regex BodyLimit();
}
