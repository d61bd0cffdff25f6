namespace Verkstallighet.Workflows.Tasks;

/// <summary>Which open tasks a list starts from: mine, my office's, or those for my roles.</summary>
public enum TaskFilter
{
    /// <summary>Open tasks assigned to me.</summary>
    Mine,

    /// <summary>Open tasks of my office, whoever holds them.</summary>
    Office,

    /// <summary>Open tasks of my office for one of my roles (or the role asked for), claimed or not.</summary>
    Role,
}
