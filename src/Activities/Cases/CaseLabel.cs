namespace Verkstallighet.Activities.Cases;

/// <summary>How a case is named in lists of other things (the inbox): its number and the client's name.</summary>
public sealed record CaseLabel(Guid Id, long Number, string ClientName);
