namespace Verkstallighet.Workflows.Activities;

/// <summary>
/// The base of every activity. An activity is a small class: its <see cref="ActivityAttribute"/>, its
/// <see cref="InputAttribute"/> properties and its <see cref="OutputAttribute"/> properties are its descriptor.
/// A new instance is made for every execution, so properties are free to hold state.
/// </summary>
public abstract class Activity;
