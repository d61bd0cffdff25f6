namespace Verkstallighet.Activities.FollowUps;

/// <summary>How far a measure has come (16–17 §§).</summary>
public enum MeasureStatus
{
    Genomförd,
    Pågår,
    EjPåbörjad,
    Avbruten,
}
