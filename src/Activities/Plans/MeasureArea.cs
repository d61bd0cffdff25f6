namespace Verkstallighet.Activities.Plans;

/// <summary>Areas a measure can address.</summary>
public enum MeasureArea
{
    Brottslighet,
    Missbruk,
    Sysselsättning,
    Boende,
    Ekonomi,
    Relationer,
    Hälsa,
    Fritid,
    Övrigt,
}
