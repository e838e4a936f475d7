namespace TitleReview.Benchmarks.Driver;

/// <summary>
/// <c>submitted</c> (P4): after the rush, how many of the applications on the list really are in
/// the state a submission leads to, read from the database rather than taken from the answers.
/// </summary>
internal static class Submitted
{
    private const string SubmittedState = "Submitted";

    public static int Run(Arguments arguments)
    {
        var expected = Tsv.Read(arguments.Required("accounts"))
            .Take(arguments.Int("count", int.MaxValue))
            .Select(f => Guid.Parse(f[1]))
            .ToList();
        var states = Database.ApplicationStates(arguments.Required("db"));
        var submitted = expected.Count(id => states.GetValueOrDefault(id) == SubmittedState);
        Stats.PrintResult(("submitted", submitted), ("expected", expected.Count));
        return 0;
    }
}
