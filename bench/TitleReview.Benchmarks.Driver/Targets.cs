namespace TitleReview.Benchmarks.Driver;

/// <summary>
/// <c>targets</c>: the files wrk's <c>pages.lua</c> spreads its requests over, one
/// <c>path&lt;TAB&gt;Cookie header</c> a line, from the data set's lists and the signed-in cookies.
/// </summary>
internal static class Targets
{
    /// <summary>The stylesheet every page loads: the static file P1 compares the pages with.</summary>
    public const string StaticFile = "/css/site.css";

    /// <summary>Pages of the auditor's queue the auditors of P4 turn through.</summary>
    private const int QueuePages = 3;

    public static int Run(Arguments arguments)
    {
        var bench = arguments.Required("bench");
        var cookies = Tsv.ReadCookies(arguments.Required("cookies"));
        var output = arguments.Required("out");
        var auditorsInRush = arguments.Int("auditors", 50);
        Directory.CreateDirectory(output);

        string CookieOf(string userName) =>
            cookies.TryGetValue(userName, out var cookie) ? cookie : throw new UsageException($"{userName} was not signed in");

        IEnumerable<string[]> Signed(string list) =>
            Tsv.Read(Path.Combine(bench, list)).Where(f => cookies.ContainsKey(f[0]));

        Tsv.Write(Path.Combine(output, "static.tsv"), [[StaticFile, string.Empty]]);
        Tsv.Write(
            Path.Combine(output, "dossier.tsv"),
            Signed("applicants-view.tsv").Select(f => new[] { $"/Applicant/Dossier/{f[1]}", CookieOf(f[0]) }));
        Tsv.Write(
            Path.Combine(output, "review.tsv"),
            Signed("auditors.tsv").Select(f => new[] { $"/Review/{f[2]}", CookieOf(f[0]) }));
        Tsv.Write(
            Path.Combine(output, "queue.tsv"),
            Signed("auditors.tsv").Take(auditorsInRush)
                .SelectMany(f => Enumerable.Range(1, QueuePages).Select(page => new[] { $"/Auditor?pageNumber={page}", CookieOf(f[0]) })));

        if (Signed("office.tsv").FirstOrDefault() is { } office)
        {
            // The counts and the first page of a filtered list, in every year the data set holds.
            var filters = new[] { string.Empty, "&status=Finished", "&status=Running", "&level=Intermediate" };
            var years = Database.CampaignYears(arguments.Required("db"));
            Tsv.Write(
                Path.Combine(output, "monitor.tsv"),
                years.SelectMany(year => filters.Select(filter => new[] { $"/Office/Workflows?year={year}{filter}", CookieOf(office[0]) })));
        }

        return 0;
    }
}
