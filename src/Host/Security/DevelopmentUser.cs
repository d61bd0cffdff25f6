namespace Verkstallighet.Host.Security;

/// <summary>A user who signs in without a password in Development.</summary>
public sealed record DevelopmentUser(string UserName, string DisplayName, string[] Roles, string? Office);
