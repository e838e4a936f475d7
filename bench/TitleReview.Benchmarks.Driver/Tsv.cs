namespace TitleReview.Benchmarks.Driver;

/// <summary>The data set's account lists (<c>bench/*.tsv</c>): tab-separated, one account a line.</summary>
internal static class Tsv
{
    /// <summary>The lines' fields, without blank lines, comments or a header row naming <c>userName</c>.</summary>
    public static IReadOnlyList<string[]> Read(string file) =>
        File.ReadLines(file)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Where(fields => !string.Equals(fields[0], "userName", StringComparison.OrdinalIgnoreCase))
            .ToList();

    public static void Write(string file, IEnumerable<IEnumerable<string>> rows) =>
        File.WriteAllLines(file, rows.Select(fields => string.Join('\t', fields)));

    /// <summary>The cookie file that <c>sign-in</c> writes: user name to <c>Cookie</c> header.</summary>
    public static IReadOnlyDictionary<string, string> ReadCookies(string file) =>
        Read(file).ToDictionary(fields => fields[0], fields => fields[1], StringComparer.Ordinal);
}
