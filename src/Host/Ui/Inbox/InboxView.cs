namespace Verkstallighet.Host.Ui.Inbox;

/// <summary>Which of the office's open tasks the inbox lists, by who holds them.</summary>
public enum InboxView
{
    /// <summary>Mine and the office's unclaimed ones: what I can work on now.</summary>
    MineAndUnassigned,

    Mine,

    Unassigned,

    /// <summary>Every open task of my office for my roles, also those colleagues hold.</summary>
    All,
}
