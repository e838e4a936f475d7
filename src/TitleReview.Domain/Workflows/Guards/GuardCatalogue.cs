using System.Diagnostics.CodeAnalysis;
using TitleReview.Domain.Applications;

namespace TitleReview.Domain.Workflows.Guards;

/// <summary>
/// The guards C# knows, by the name definitions write: each turns its written argument into a
/// typed <see cref="GuardSpec"/> once, when definitions load. A definition naming a guard not
/// listed here, or giving one a wrong argument, does not load.
/// </summary>
public sealed class GuardCatalogue
{
    private readonly IReadOnlyDictionary<string, Func<string?, GuardSpec>> _parsers;

    /// <param name="parsers">
    /// Per guard name, the spec for an argument (null when none is written); a parser refuses
    /// a wrong argument with a <see cref="FormatException"/> whose message says what is wrong.
    /// </param>
    public GuardCatalogue(IReadOnlyDictionary<string, Func<string?, GuardSpec>> parsers)
    {
        _parsers = parsers;
    }

    public static GuardCatalogue Standard { get; } = new(new Dictionary<string, Func<string?, GuardSpec>>(StringComparer.Ordinal)
    {
        [WindowOpenGuard.Name] = argument => new WindowOpenGuard(StageArgument(argument)),
        [WindowClosedGuard.Name] = argument => new WindowClosedGuard(StageArgument(argument)),
        [DossierCompleteGuard.Name] = argument => NoArgument(argument, new DossierCompleteGuard()),
        [DossierVerifiedGuard.Name] = argument => NoArgument(argument, new DossierVerifiedGuard()),
        [PublicityScheduledGuard.Name] = argument => NoArgument(argument, new PublicityScheduledGuard()),
        [PublicityEndedGuard.Name] = argument => NoArgument(argument, new PublicityEndedGuard()),
        [PublicityRecordedGuard.Name] = argument => new PublicityRecordedGuard(
            Enum.TryParse<PublicityOutcome>(argument, out var outcome) && Enum.IsDefined(outcome)
                ? outcome
                : throw new FormatException($"unknown publicity outcome '{argument}'")),
    });

    public IReadOnlyCollection<string> Names => (IReadOnlyCollection<string>)_parsers.Keys;

    public bool Knows(string name) => _parsers.ContainsKey(name);

    /// <param name="problem">Why the text is not a guard, in words a definition's author can act on.</param>
    public bool TryParse(string text, [NotNullWhen(true)] out GuardSpec? spec, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        spec = null;
        var (name, argument) = Split(text);
        if (!_parsers.TryGetValue(name, out var parse))
        {
            problem = $"unknown guard '{name}' (known: {string.Join(", ", _parsers.Keys)})";
            return false;
        }

        try
        {
            spec = parse(argument);
        }
        catch (FormatException ex)
        {
            problem = ex.Message;
            return false;
        }

        problem = string.Empty;
        return true;
    }

    /// <summary>The guard's name: what comes before the first colon.</summary>
    public static string NameOf(string text) => Split(text).Name;

    private static (string Name, string? Argument) Split(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (text, null) : (text[..colon], text[(colon + 1)..]);
    }

    private static string StageArgument(string? argument) =>
        string.IsNullOrEmpty(argument) ? throw new FormatException("names no stage (write Name:<stage>)") : argument;

    private static GuardSpec NoArgument(string? argument, GuardSpec spec) =>
        argument is null ? spec : throw new FormatException("takes no argument");
}
