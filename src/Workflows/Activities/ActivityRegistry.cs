namespace Verkstallighet.Workflows.Activities;

/// <summary>Every activity the engine can run, by type name.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityDescriptor> byType;

    public ActivityRegistry(IEnumerable<ActivityRegistration> registrations)
        : this(registrations, [])
    {
    }

    /// <summary>The activities, described in the words of the texts the domain registered.</summary>
    public ActivityRegistry(IEnumerable<ActivityRegistration> registrations, IEnumerable<ActivityText> texts)
    {
        Texts = new ActivityTexts(texts);
        byType = new Dictionary<string, ActivityDescriptor>(StringComparer.Ordinal);
        foreach (var registration in registrations.DistinctBy(r => r.ActivityType))
        {
            var descriptor = ActivityDescriptor.Describe(registration.ActivityType, Texts);
            if (!byType.TryAdd(descriptor.Type, descriptor))
            {
                throw new InvalidOperationException($"Two activities are registered as '{descriptor.Type}'.");
            }
        }
    }

    public ActivityTexts Texts { get; }

    public IReadOnlyCollection<ActivityDescriptor> All => byType.Values;

    public bool TryGet(string type, out ActivityDescriptor descriptor) => byType.TryGetValue(type, out descriptor!);

    public ActivityDescriptor Get(string type) =>
        byType.TryGetValue(type, out var descriptor) ? descriptor : throw new InvalidOperationException($"Unknown activity type '{type}'.");
}
