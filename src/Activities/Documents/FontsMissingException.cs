namespace Verkstallighet.Activities.Documents;

/// <summary>The machine lacks the fonts a PDF is drawn with; the message names the folders searched and the package to install.</summary>
public sealed class FontsMissingException(string message) : Exception(message);
