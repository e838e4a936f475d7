using System.Globalization;

namespace TitleReview.Benchmarks.Data;

/// <summary>
/// <c>--out DIR</c> (required; a non-empty folder only with <c>--force</c>), <c>--seed N</c>
/// (2026), <c>--units N</c> (600), <c>--applicants N</c> (20,000), <c>--past-instances N</c>
/// (100,000), <c>--large-scan-share P</c> (0.01: the share of dossiers with one real-sized
/// scan), <c>--quiet</c> (no progress lines).
/// </summary>
internal sealed record DataArguments(
    string Out,
    int Seed,
    int Units,
    int Applicants,
    int PastInstances,
    double LargeScanShare,
    bool Force,
    bool Quiet)
{
    public const int DefaultSeed = 2026;
    public const int DefaultUnits = 600;
    public const int DefaultApplicants = 20_000;
    public const int DefaultPastInstances = 100_000;
    public const double DefaultLargeScanShare = 0.01;

    public static DataArguments Parse(string[] args)
    {
        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            "--out", "--seed", "--units", "--applicants", "--past-instances", "--large-scan-share", "--force", "--quiet",
        };
        foreach (var arg in args.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
        {
            if (!known.Contains(arg))
            {
                throw new ArgumentException($"Unknown option {arg}.");
            }
        }

        var output = Text(args, "--out") ?? throw new ArgumentException("--out DIR is required: the data folder to fill.");
        var share = Text(args, "--large-scan-share") is { } text
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
                ? value
                : throw new ArgumentException("--large-scan-share needs a number from 0 to 1, e.g. --large-scan-share 0.01")
            : DefaultLargeScanShare;
        return new DataArguments(
            Path.GetFullPath(output),
            Number(args, "--seed", DefaultSeed, minimum: 0),
            Number(args, "--units", DefaultUnits, minimum: 1),
            Number(args, "--applicants", DefaultApplicants, minimum: 1),
            Number(args, "--past-instances", DefaultPastInstances, minimum: 0),
            share,
            args.Contains("--force"),
            args.Contains("--quiet"));
    }

    private static string? Text(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return null;
        }

        return index + 1 < args.Length ? args[index + 1] : throw new ArgumentException($"{name} needs a value.");
    }

    private static int Number(string[] args, string name, int fallback, int minimum)
    {
        if (Text(args, name) is not { } text)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new ArgumentException($"{name} needs a whole number of at least {minimum}, e.g. {name} {fallback}");
        }

        return value;
    }
}
