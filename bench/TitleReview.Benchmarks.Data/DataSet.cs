using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Definitions;
using TitleReview.Infrastructure.Identity;

namespace TitleReview.Benchmarks.Data;

/// <summary>What the generator made, and the files of DIR/bench/ that tell the benchmark which accounts to use.</summary>
internal sealed record DataSet(
    DataArguments Options,
    DateTimeOffset GeneratedAt,
    string Password,
    AppUser Office,
    string OfficeKey,
    Campaign Campaign,
    IReadOnlyList<UnitSeed> Units,
    IReadOnlyList<CurrentApplication> Applications,
    int Scans,
    long ScanBytes,
    IReadOnlyDictionary<int, IReadOnlyDictionary<string, int>> PastStates)
{
    /// <summary>The contract's minimums with the default sizes (docs: bench/README.md).</summary>
    public static readonly IReadOnlyDictionary<string, int> Minimums = new Dictionary<string, int>
    {
        ["applicants-view"] = 200,
        ["applicants-submit"] = 2_000,
        ["applicants-upload"] = 16,
        ["auditors"] = 64,
    };

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>
    /// Writes the lists, disjoint: the upload and submit lists from dossiers in the initial state
    /// (the applicant may edit and submit), the view list from approved dossiers nobody moves
    /// during the benchmark, and one dossier awaiting review per unit for its auditor.
    /// </summary>
    public IReadOnlyDictionary<string, int> Write(string folder, WorkflowDefinition definition)
    {
        var bench = Directory.CreateDirectory(Path.Combine(folder, "bench")).FullName;
        var drafts = Applications.Where(a => a.State == definition.InitialState).ToList();
        var upload = drafts.Take(Generator.UploadListSize).ToList();
        var submit = drafts.Skip(Generator.UploadListSize).ToList();
        var view = Applications.Where(a => definition.Has(a.State, StateCapabilities.DocumentsPrintable)).Take(Generator.ViewListSize).ToList();
        var auditors = Units
            .Select(u => (Unit: u, Application: Applications.FirstOrDefault(a => a.Applicant.Unit.Id == u.Id && definition.Has(a.State, StateCapabilities.AwaitingUnitReview))))
            .Where(x => x.Application is not null)
            .ToList();

        File.WriteAllText(Path.Combine(bench, "password.txt"), Password + "\n");
        WriteTsv(bench, "applicants-view.tsv", view.Select(a => $"{a.Applicant.UserName}\t{a.ApplicationId}"));
        WriteTsv(bench, "applicants-submit.tsv", submit.Select(a => $"{a.Applicant.UserName}\t{a.ApplicationId}"));
        WriteTsv(bench, "applicants-upload.tsv", upload.Select(a => $"{a.Applicant.UserName}\t{a.ApplicationId}\t{AttachmentSlots.Appointment}"));
        WriteTsv(bench, "auditors.tsv", auditors.Select(x => $"{x.Unit.AuditorUserName}\t{x.Unit.Id}\t{x.Application!.ApplicationId}"));
        WriteTsv(bench, "office.tsv", [$"{Office.UserName}\t{OfficeKey}"]);

        var lists = new Dictionary<string, int>
        {
            ["applicants-view"] = view.Count,
            ["applicants-submit"] = submit.Count,
            ["applicants-upload"] = upload.Count,
            ["auditors"] = auditors.Count,
        };
        var filing = Campaign.Stage(StageKeys.Filing);
        var manifest = new
        {
            seed = Options.Seed,
            options = new
            {
                units = Options.Units,
                applicants = Options.Applicants,
                pastInstances = Options.PastInstances,
                largeScanShare = Options.LargeScanShare,
            },
            generatedAt = GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            campaign = new
            {
                id = Campaign.Id,
                year = Campaign.Year,
                filingOpensAt = filing.OpensAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                filingClosesAt = filing.ClosesAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            },
            counts = new
            {
                units = Units.Count,
                auditors = Units.Count,
                applicants = Applications.Count,
                scans = Scans,
                scanBytes = ScanBytes,
                pastInstances = PastStates.Values.Sum(s => s.Values.Sum()),
            },
            states = definition.States.Where(s => Applications.Any(a => a.State == s.Name))
                .ToDictionary(s => s.Name, s => Applications.Count(a => a.State == s.Name)),
            pastStates = PastStates.OrderBy(p => p.Key).ToDictionary(
                p => p.Key.ToString(CultureInfo.InvariantCulture),
                p => definition.States.Where(s => p.Value.ContainsKey(s.Name)).ToDictionary(s => s.Name, s => p.Value[s.Name])),
            lists,
        };
        File.WriteAllText(Path.Combine(bench, "manifest.json"), JsonSerializer.Serialize(manifest, Json) + "\n");
        return lists;
    }

    private static void WriteTsv(string folder, string name, IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, name), text.ToString());
    }
}
