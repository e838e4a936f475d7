using System.Globalization;

namespace TitleReview.Benchmarks.Driver;

/// <summary>The options after the subcommand: <c>--name value</c> pairs, and flags without a value.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> _values;

    private Arguments(Dictionary<string, string?> values) => _values = values;

    public static Arguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"expected an option, found '{name}'");
            }

            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            values[name[2..]] = hasValue ? args[++i] : null;
        }

        return new Arguments(values);
    }

    public bool Flag(string name) => _values.ContainsKey(name);

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) =>
        _values.GetValueOrDefault(name) ?? throw new UsageException($"--{name} is required");

    public int Int(string name, int fallback) =>
        _values.GetValueOrDefault(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public long Long(string name, long fallback) =>
        _values.GetValueOrDefault(name) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : fallback;
}

internal sealed class UsageException(string message) : Exception(message);
