using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using TitleReview.Application.Workflows.Guards;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Definitions;

namespace TitleReview.Infrastructure.Workflow;

/// <summary>
/// Reads <c>workflows/definitions/*.json</c>: checks each file against the JSON schema, then
/// against what C# knows (subject types, guards, roles, states, stages, marks, timer
/// expressions), then against the lock file that
/// pins each published version's content. Any problem names the file and stops start-up.
/// </summary>
public sealed class WorkflowDefinitionLoader(IEnumerable<IWorkflowGuard> guards)
{
    public const string DefinitionsFolderName = "definitions";
    public const string SchemaFile = "schema/workflow-definition.schema.json";
    public const string LockFileName = "definitions.lock.json";

    private readonly IReadOnlyDictionary<string, IWorkflowGuard> _guards = guards.ToDictionary(g => g.Name, StringComparer.Ordinal);

    public IReadOnlyList<WorkflowDefinition> LoadFolder(string workflowsFolder)
    {
        var folder = Path.Combine(workflowsFolder, DefinitionsFolderName);
        if (!Directory.Exists(folder))
        {
            throw new WorkflowDefinitionException(folder, "the definitions folder does not exist.");
        }

        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(workflowsFolder, SchemaFile)));
        var lockPath = Path.Combine(folder, LockFileName);
        var pins = File.Exists(lockPath)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(lockPath)) ?? []
            : [];

        var definitions = Directory.EnumerateFiles(folder, "*.json")
            .Where(f => !string.Equals(Path.GetFileName(f), LockFileName, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => Load(f, schema, pins))
            .ToList();

        var duplicate = definitions.GroupBy(d => d.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new WorkflowDefinitionException(duplicate.Last().FileName, $"{duplicate.Key} is also defined in {duplicate.First().FileName}.");
        }

        return definitions;
    }

    public WorkflowDefinition Load(string path, JsonSchema schema, IReadOnlyDictionary<string, string> pins)
    {
        var file = $"workflows/{DefinitionsFolderName}/{Path.GetFileName(path)}";
        var text = File.ReadAllText(path);
        var sha = Sha256(text);

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new WorkflowDefinitionException(file, $"not valid JSON ({ex.Message}).");
        }

        var results = schema.Evaluate(node, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!results.IsValid)
        {
            var errors = results.Details
                .Where(d => d.HasErrors)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
                .Distinct()
                .Take(10);
            throw new WorkflowDefinitionException(file, $"does not match the schema: {string.Join("; ", errors)}");
        }

        var definition = Read(node!, sha, file);
        Check(definition, file);

        if (!pins.TryGetValue(definition.Key, out var pinned))
        {
            throw new WorkflowDefinitionException(file, $"{definition.Key} is not in {LockFileName}; a new version is published by adding \"{definition.Key}\": \"{sha}\" there.");
        }

        if (!string.Equals(pinned, sha, StringComparison.OrdinalIgnoreCase))
        {
            throw new WorkflowDefinitionException(file, $"the content of {definition.Key} changed (SHA-256 {sha}, pinned {pinned} in {LockFileName}); a published version never changes: add a new version instead.");
        }

        return definition;
    }

    public static string Sha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"))));

    private static WorkflowDefinition Read(JsonNode node, string sha, string file)
    {
        var states = node["states"]!.AsArray().Select(s => new StateDefinition(
            (string)s!["name"]!,
            (string)s["displayName"]!,
            (bool?)s["final"] ?? false,
            (string?)s["stage"],
            (s["timers"]?.AsArray() ?? []).Select(t => new TimerDefinition((string)t!["trigger"]!, (string)t["at"]!)).ToList())).ToList();
        var transitions = node["transitions"]!.AsArray().Select(t => new TransitionDefinition(
            (string)t!["trigger"]!,
            (string)t["displayName"]!,
            t["from"]!.AsArray().Select(f => (string)f!).ToList(),
            (string)t["to"]!,
            t["roles"]!.AsArray().Select(r => (string)r!).ToList(),
            (t["guards"]?.AsArray() ?? []).Select(g => (string)g!).ToList(),
            (bool?)t["requiresReason"] ?? false,
            (bool?)t["requiresUntil"] ?? false)
        {
            Records = (t["records"]?.AsArray() ?? []).Select(r => (string)r!).ToList(),
        }).ToList();
        return new WorkflowDefinition(
            (string)node["definitionId"]!,
            (int)node["version"]!,
            (string)node["title"]!,
            (string)node["subjectType"]!,
            (string)node["initialState"]!,
            states,
            transitions,
            sha,
            file)
        {
            Marks = (node["marks"]?.AsArray() ?? []).Select(m => new MarkDefinition((string)m!["name"]!, (string)m["displayName"]!)).ToList(),
        };
    }

    private void Check(WorkflowDefinition definition, string file)
    {
        void Fail(string problem) => throw new WorkflowDefinitionException(file, problem);

        if (!WorkflowSubjectTypes.IsKnown(definition.SubjectType))
        {
            Fail($"subjectType '{definition.SubjectType}' is not a known subject type (known: {string.Join(", ", WorkflowSubjectTypes.All)}).");
        }

        var duplicateMark = definition.Marks.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicateMark is not null)
        {
            Fail($"mark '{duplicateMark.Key}' is declared twice.");
        }

        var stateNames = definition.States.Select(s => s.Name).ToList();
        var duplicateState = stateNames.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicateState is not null)
        {
            Fail($"state '{duplicateState.Key}' is declared twice.");
        }

        if (!stateNames.Contains(definition.InitialState))
        {
            Fail($"initialState '{definition.InitialState}' is not a declared state.");
        }

        var roles = Roles.All.Append(WorkflowActor.SystemRole).ToHashSet(StringComparer.Ordinal);
        foreach (var transition in definition.Transitions)
        {
            foreach (var from in transition.From.Where(f => !stateNames.Contains(f)))
            {
                Fail($"transition '{transition.Trigger}' starts from unknown state '{from}'.");
            }

            if (transition.To != WorkflowDefinition.PreviousState && !stateNames.Contains(transition.To))
            {
                Fail($"transition '{transition.Trigger}' leads to unknown state '{transition.To}'.");
            }

            foreach (var mark in transition.Records.Where(m => !definition.HasMark(m)))
            {
                Fail($"transition '{transition.Trigger}' records undeclared mark '{mark}' (declared in marks: {DeclaredMarks(definition)}).");
            }

            foreach (var role in transition.Roles.Where(r => !roles.Contains(r)))
            {
                Fail($"transition '{transition.Trigger}' names unknown role '{role}' (known: {string.Join(", ", roles)}).");
            }

            foreach (var guard in transition.Guards)
            {
                var (name, argument) = SplitGuard(guard);
                if (!_guards.TryGetValue(name, out var known))
                {
                    Fail($"transition '{transition.Trigger}' names unknown guard '{name}' (known: {string.Join(", ", _guards.Keys)}).");
                }
                else if (known.ValidateArgument(argument) is { } problem)
                {
                    Fail($"guard '{guard}' of transition '{transition.Trigger}': {problem}.");
                }
            }
        }

        var duplicateTransition = definition.Transitions
            .SelectMany(t => t.From.Select(f => (t.Trigger, From: f)))
            .GroupBy(x => x)
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicateTransition is not null)
        {
            Fail($"trigger '{duplicateTransition.Key.Trigger}' is defined twice from state '{duplicateTransition.Key.From}'.");
        }

        foreach (var state in definition.States)
        {
            if (state.Stage is not null && !StageKeys.IsKnown(state.Stage))
            {
                Fail($"state '{state.Name}' names unknown stage '{state.Stage}'.");
            }

            foreach (var timer in state.Timers)
            {
                if (!TimerExpression.TryParse(timer.At, out var expression, out var problem))
                {
                    Fail($"timer '{timer.Trigger}' of state '{state.Name}': {problem}");
                }
                else if (expression.StageKey is { } stage && !StageKeys.IsKnown(stage))
                {
                    Fail($"timer '{timer.Trigger}' of state '{state.Name}' names unknown stage '{stage}'.");
                }
                else if (expression.MarkName is { } mark && !definition.HasMark(mark))
                {
                    Fail($"timer '{timer.Trigger}' of state '{state.Name}' names undeclared mark '{mark}' (declared in marks: {DeclaredMarks(definition)}).");
                }

                var transition = definition.Transition(timer.Trigger, state.Name);
                if (transition is null || !transition.Roles.Contains(WorkflowActor.SystemRole))
                {
                    Fail($"timer '{timer.Trigger}' of state '{state.Name}' has no transition from that state that the system may fire.");
                }
            }
        }
    }

    private static string DeclaredMarks(WorkflowDefinition definition) =>
        definition.Marks.Count == 0 ? "none" : string.Join(", ", definition.Marks.Select(m => m.Name));

    public static (string Name, string? Argument) SplitGuard(string guard)
    {
        var colon = guard.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (guard, null) : (guard[..colon], guard[(colon + 1)..]);
    }
}
