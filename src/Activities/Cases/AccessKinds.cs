namespace Verkstallighet.Activities.Cases;

public static class AccessKinds
{
    public const string Read = "Read";
    public const string Write = "Write";
    public const string Denied = "Denied";
}
