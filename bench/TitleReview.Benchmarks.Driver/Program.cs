using TitleReview.Benchmarks.Driver;

// The C# half of bench/run (bench/README.md): what is easier over HttpClient, SQLite and LINQ
// than in bash and wrk's Lua. Each subcommand that measures prints one "RESULT key=value …" line.
const string Usage = """
    usage: TitleReview.Benchmarks.Driver <command> [options]
      sign-in   --url U --password-file F --accounts A.tsv[,B.tsv…] [--office office.tsv] --out cookies.tsv [--parallel N]
      targets   --bench DIR --db titlereview.db --cookies cookies.tsv --out DIR [--auditors 50]
      scan      --out scan.png [--bytes 5242880]
      upload    --url U --cookies cookies.tsv --accounts applicants-upload.tsv --file scan.png [--connections 8] [--count 200] [--pid PID]
      rush      --url U --cookies cookies.tsv --accounts applicants-submit.tsv [--connections 100] [--count N]
      submitted --db titlereview.db --accounts applicants-submit.tsv [--count N]
      keys      export --db live.db --out keys.json | import --file keys.json --db copy.db
      totp      --key BASE32
      report    --raw raw.tsv [--markdown latest.md] [--expected P1,P2…] [--cores N --cpu NAME --load-before L --load-after L --date D --data TEXT --note TEXT]
    """;

try
{
    // "keys export|import" has a verb before its options.
    var verbs = args.FirstOrDefault() == "keys" ? 2 : 1;
    var options = Arguments.Parse(args.Skip(verbs).ToList());
    return args.FirstOrDefault() switch
    {
        "sign-in" => await SignIn.RunAsync(options),
        "targets" => Targets.Run(options),
        "scan" => Scan.Run(options),
        "upload" => await Uploads.RunAsync(options),
        "rush" => await Rush.RunAsync(options),
        "submitted" => Submitted.Run(options),
        "keys" => Keys.Run(args.ElementAtOrDefault(1), options),
        "totp" => PrintTotp(options),
        "report" => Report.Run(options),
        _ => throw new UsageException("unknown command"),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

static int PrintTotp(Arguments options)
{
    Console.WriteLine(Totp.Code(options.Required("key"), TimeProvider.System.GetUtcNow()));
    return 0;
}
