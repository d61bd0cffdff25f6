namespace Verkstallighet.Workflows.Definitions;

/// <summary>A boundary event and the id of the activity it names in attachedToRef, resolved once every node is read.</summary>
internal sealed record BoundaryAttachment(BoundaryEventNode Boundary, string? AttachedToRef);
