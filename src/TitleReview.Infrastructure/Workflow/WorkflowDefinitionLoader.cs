using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using TitleReview.Application.Campaigns;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Definitions;
using TitleReview.Domain.Workflows.Guards;

namespace TitleReview.Infrastructure.Workflow;

/// <summary>
/// Reads <c>workflows/definitions/*.json</c>: checks each file against the JSON schema, then
/// against what C# knows (subject types, guards, roles, states, marks, timer expressions),
/// then against the lock file that pins each published version's content. Once every file is
/// read, every stage a definition names (a state's <c>stage</c>, a timer, a window guard) is
/// checked against the stage catalogues of the campaign definitions. Guards are parsed into typed
/// specs here (<see cref="GuardCatalogue"/>), once, and each must have a Chinese name for the
/// diagram. Any problem names the file and stops start-up.
/// </summary>
public sealed class WorkflowDefinitionLoader(GuardCatalogue guards)
{
    public const string DefinitionsFolderName = "definitions";
    public const string SchemaFile = "schema/workflow-definition.schema.json";
    public const string LockFileName = "definitions.lock.json";

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

        var declared = DeclaredStages(definitions);
        foreach (var definition in definitions)
        {
            CheckStageNames(definition, declared);
        }

        return InheritMeanings(definitions);
    }

    /// <summary>
    /// Checks each declared migration against the older version it names, then gives an older
    /// version that declares no capabilities, operations or actions those of the nearest later version
    /// migrating from it: states through the migration's map, transitions by the same trigger.
    /// A state name must mean the same in every version of a definition.
    /// </summary>
    private static IReadOnlyList<WorkflowDefinition> InheritMeanings(IReadOnlyList<WorkflowDefinition> loaded)
    {
        var byKey = loaded.ToDictionary(d => d.Key, StringComparer.Ordinal);
        foreach (var definition in loaded)
        {
            foreach (var migration in definition.MigrateFrom)
            {
                if (!byKey.TryGetValue($"{definition.DefinitionId}@{migration.FromVersion}", out var older))
                {
                    throw new WorkflowDefinitionException(definition.FileName, $"migrateFrom names version {migration.FromVersion}, which is not loaded.");
                }

                foreach (var (from, _) in migration.States.Where(m => !older.HasState(m.Key)))
                {
                    throw new WorkflowDefinitionException(definition.FileName, $"migrateFrom version {migration.FromVersion} maps state '{from}', which that version does not have.");
                }

                foreach (var state in older.States.Where(s => !definition.HasState(migration.Target(s.Name))))
                {
                    throw new WorkflowDefinitionException(definition.FileName, $"migrateFrom version {migration.FromVersion} gives state '{state.Name}' no image: map it onto a state of version {definition.Version}.");
                }
            }
        }

        var result = new Dictionary<string, WorkflowDefinition>(byKey, StringComparer.Ordinal);
        foreach (var group in loaded.GroupBy(d => d.DefinitionId))
        {
            foreach (var older in group.OrderByDescending(d => d.Version).Where(d => !d.DeclaresMeanings))
            {
                // The nearest successor: a later version may give the state a new name and meaning,
                // which the running old case does not have until it is migrated.
                var source = group
                    .Where(d => d.Version > older.Version && d.MigrationFrom(older.Version) is not null)
                    .OrderBy(d => d.Version)
                    .Select(d => result[d.Key])
                    .FirstOrDefault();
                if (source is null)
                {
                    continue;
                }

                var migration = source.MigrationFrom(older.Version)!;
                result[older.Key] = older with
                {
                    States = older.States.Select(s => s with { Capabilities = source.State(migration.Target(s.Name)).Capabilities }).ToList(),
                    Transitions = older.Transitions.Select(t => source.Transitions.FirstOrDefault(n => n.Trigger == t.Trigger) is { } newer
                        ? t with { Operation = newer.Operation, Actions = newer.Actions }
                        : t).ToList(),
                };
            }

            var meanings = group.Select(d => result[d.Key])
                .SelectMany(d => d.States.Select(s => (Definition: d, State: s)))
                .GroupBy(x => x.State.Name)
                .FirstOrDefault(g => g.Select(x => string.Join(",", x.State.Capabilities.Order(StringComparer.Ordinal))).Distinct().Count() > 1);
            if (meanings is not null)
            {
                var versions = string.Join(", ", meanings.Select(x => $"{x.Definition.Key}: [{string.Join(", ", x.State.Capabilities)}]"));
                throw new WorkflowDefinitionException(meanings.Last().Definition.FileName, $"state '{meanings.Key}' means different things in different versions ({versions}); give the new meaning a new state name.");
            }
        }

        return loaded.Select(d => result[d.Key]).ToList();
    }

    /// <summary>
    /// Every stage some campaign definition version declares, named as the newest version that
    /// declares it names it. Guards and timers of any definition may name these.
    /// </summary>
    public static StageCatalogue DeclaredStages(IEnumerable<WorkflowDefinition> definitions)
    {
        var stages = new List<StageDefinition>();
        foreach (var definition in definitions.Where(IsCampaign).OrderByDescending(d => d.Version))
        {
            stages.AddRange(definition.Stages.Stages.Where(s => stages.TrueForAll(known => known.Key != s.Key)));
        }

        return new StageCatalogue(stages);
    }

    private static bool IsCampaign(WorkflowDefinition definition) =>
        string.Equals(definition.SubjectType, CampaignWorkflow.SubjectType, StringComparison.Ordinal);

    private WorkflowDefinition Load(string path, JsonSchema schema, IReadOnlyDictionary<string, string> pins)
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

        var definition = Read(node!, sha, file, guards);
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

    private static WorkflowDefinition Read(JsonNode node, string sha, string file, GuardCatalogue guards)
    {
        var states = node["states"]!.AsArray().Select(s => new StateDefinition(
            (string)s!["name"]!,
            (string)s["displayName"]!,
            (bool?)s["final"] ?? false,
            (string?)s["stage"],
            (s["timers"]?.AsArray() ?? []).Select(t => new TimerDefinition((string)t!["trigger"]!, (string)t["at"]!)).ToList())
        {
            Capabilities = Strings(s["capabilities"]),
        }).ToList();
        var transitions = node["transitions"]!.AsArray().Select(t => new TransitionDefinition(
            (string)t!["trigger"]!,
            (string)t["displayName"]!,
            t["from"]!.AsArray().Select(f => (string)f!).ToList(),
            (string)t["to"]!,
            t["roles"]!.AsArray().Select(r => (string)r!).ToList(),
            (t["guards"]?.AsArray() ?? []).Select(g => ParseGuard(guards, (string)g!, (string)t["trigger"]!, file)).ToList(),
            (bool?)t["requiresReason"] ?? false,
            (bool?)t["requiresUntil"] ?? false)
        {
            Records = Strings(t["records"]),
            Operation = (string?)t["operation"],
            Actions = Strings(t["actions"]),
        }).ToList();
        var migrations = (node["migrateFrom"]?.AsArray() ?? []).Select(m => new DefinitionMigration(
            (int)m!["version"]!,
            (m["states"]?.AsObject() ?? []).ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal))).ToList();
        var subjectType = (string)node["subjectType"]!;
        var declared = node["stages"]?.AsArray().Select(s => new StageDefinition((string)s!["key"]!, (string)s["name"]!, (string?)s["within"])).ToList();
        if (declared is not null && !string.Equals(subjectType, CampaignWorkflow.SubjectType, StringComparison.Ordinal))
        {
            throw new WorkflowDefinitionException(file, $"only a campaign definition (subjectType {CampaignWorkflow.SubjectType}) declares stages.");
        }

        return new WorkflowDefinition(
            (string)node["definitionId"]!,
            (int)node["version"]!,
            (string)node["title"]!,
            subjectType,
            (string)node["initialState"]!,
            states,
            transitions,
            sha,
            file)
        {
            Marks = (node["marks"]?.AsArray() ?? []).Select(m => new MarkDefinition((string)m!["name"]!, (string)m["displayName"]!)).ToList(),
            MigrateFrom = migrations,
            Stages = string.Equals(subjectType, CampaignWorkflow.SubjectType, StringComparison.Ordinal)
                ? new StageCatalogue(declared ?? StagesOfStates(states))
                : StageCatalogue.Empty,
        };
    }

    /// <summary>Version 1 declares no <c>stages</c>: its states' <c>stage</c>, in order, named as the states are.</summary>
    private static List<StageDefinition> StagesOfStates(IReadOnlyList<StateDefinition> states) =>
        states.Where(s => s.Stage is not null)
            .DistinctBy(s => s.Stage)
            .Select(s => new StageDefinition(s.Stage!, s.DisplayName))
            .ToList();

    private static List<string> Strings(JsonNode? array) => (array?.AsArray() ?? []).Select(x => (string)x!).ToList();

    private static void Check(WorkflowDefinition definition, string file)
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

        }

        foreach (var state in definition.States)
        {
            foreach (var capability in state.Capabilities.Where(c => !StateCapabilities.All.Contains(c)))
            {
                Fail($"state '{state.Name}' declares unknown capability '{capability}' (known: {string.Join(", ", StateCapabilities.All)}).");
            }
        }

        foreach (var transition in definition.Transitions)
        {
            if (transition.Operation is { } operation)
            {
                if (!WorkflowOperations.IsKnown(operation))
                {
                    Fail($"transition '{transition.Trigger}' names unknown operation '{operation}' (known: {string.Join(", ", WorkflowOperations.All)}).");
                }

                if (transition.Roles.Contains(WorkflowActor.SystemRole))
                {
                    Fail($"transition '{transition.Trigger}' belongs to operation '{operation}' but the system may fire it: a timer cannot run a use case.");
                }
            }

            foreach (var action in transition.Actions.Where(a => !WorkflowActions.All.Contains(a)))
            {
                Fail($"transition '{transition.Trigger}' names unknown action '{action}' (known: {string.Join(", ", WorkflowActions.All)}).");
            }
        }

        var duplicateOperation = definition.Transitions
            .Where(t => t.Operation is not null)
            .SelectMany(t => t.From.Select(f => (t.Operation, From: f)))
            .GroupBy(x => x)
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicateOperation is not null)
        {
            Fail($"operation '{duplicateOperation.Key.Operation}' has two transitions from state '{duplicateOperation.Key.From}'.");
        }

        foreach (var migration in definition.MigrateFrom)
        {
            if (migration.FromVersion >= definition.Version)
            {
                Fail($"migrateFrom version {migration.FromVersion} is not older than {definition.Version}.");
            }

            foreach (var (from, to) in migration.States.Where(m => !stateNames.Contains(m.Value)))
            {
                Fail($"migrateFrom version {migration.FromVersion} maps state '{from}' onto unknown state '{to}'.");
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

        CheckCatalogue(definition.Stages, Fail);

        foreach (var state in definition.States)
        {
            foreach (var timer in state.Timers)
            {
                if (!TimerExpression.TryParse(timer.At, out var expression, out var problem))
                {
                    Fail($"timer '{timer.Trigger}' of state '{state.Name}': {problem}");
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

    /// <summary>Stage keys are unique, and a stage is <c>within</c> another top-level stage of the same catalogue.</summary>
    private static void CheckCatalogue(StageCatalogue catalogue, Action<string> fail)
    {
        var duplicate = catalogue.Stages.GroupBy(s => s.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            fail($"stage '{duplicate.Key}' is declared twice.");
        }

        foreach (var stage in catalogue.Stages.Where(s => s.Within is not null))
        {
            var parent = catalogue.Find(stage.Within);
            if (parent is null || parent.Key == stage.Key)
            {
                fail($"stage '{stage.Key}' is within '{stage.Within}', which is not another stage of this definition.");
            }
            else if (parent.Within is not null)
            {
                fail($"stage '{stage.Key}' is within '{parent.Key}', which is itself within '{parent.Within}'; a stage lies within a top-level stage.");
            }
        }
    }

    /// <summary>
    /// Every stage a definition names is declared: a campaign definition's by its own catalogue
    /// (its campaigns have exactly those stages), any other's by some campaign definition version.
    /// Guards check their arguments against the same stages.
    /// </summary>
    private static void CheckStageNames(WorkflowDefinition definition, StageCatalogue declared)
    {
        void Fail(string problem) => throw new WorkflowDefinitionException(definition.FileName, problem);

        var stages = IsCampaign(definition) ? definition.Stages : declared;
        var where = IsCampaign(definition) ? "this campaign definition's stages" : "the campaign definitions' stages";
        foreach (var state in definition.States)
        {
            if (state.Stage is not null && !stages.Contains(state.Stage))
            {
                Fail($"state '{state.Name}' names unknown stage '{state.Stage}' (not among {where}).");
            }

            foreach (var timer in state.Timers)
            {
                if (TimerExpression.Parse(timer.At).StageKey is { } stage && !stages.Contains(stage))
                {
                    Fail($"timer '{timer.Trigger}' of state '{state.Name}' names unknown stage '{stage}' (not among {where}).");
                }
            }
        }

        foreach (var transition in definition.Transitions)
        {
            foreach (var guard in transition.Guards)
            {
                if (guard.StageKey is { } stage && !stages.Contains(stage))
                {
                    Fail($"guard '{guard.Text}' of transition '{transition.Trigger}': unknown stage '{stage}' (not among {where}).");
                }

                var displayName = guard.DisplayName(stages);
                if (!IsChinese(displayName))
                {
                    Fail($"guard '{guard.Text}' of transition '{transition.Trigger}' has no Chinese display name ('{displayName}'): users read it in the workflow diagram.");
                }
            }
        }
    }

    /// <summary>A guard written in a definition, parsed once here; an unknown name or a wrong argument stops loading.</summary>
    private static GuardSpec ParseGuard(GuardCatalogue guards, string text, string trigger, string file)
    {
        if (!guards.Knows(GuardCatalogue.NameOf(text)))
        {
            throw new WorkflowDefinitionException(file, $"transition '{trigger}' names unknown guard '{GuardCatalogue.NameOf(text)}' (known: {string.Join(", ", guards.Names)}).");
        }

        return guards.TryParse(text, out var spec, out var problem)
            ? spec
            : throw new WorkflowDefinitionException(file, $"guard '{text}' of transition '{trigger}': {problem}.");
    }

    /// <summary>Whether a name shown to users has Chinese in it (a CJK unified ideograph), not only ASCII.</summary>
    internal static bool IsChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    private static string DeclaredMarks(WorkflowDefinition definition) =>
        definition.Marks.Count == 0 ? "none" : string.Join(", ", definition.Marks.Select(m => m.Name));
}
