namespace Verkstallighet.Activities.Plans;

/// <summary>Who is responsible for a measure: the client, the probation service, or another authority (15 §).</summary>
public enum ResponsibleParty
{
    Klienten,
    Frivården,
    Socialtjänsten,
    HälsoOchSjukvården,
    Arbetsförmedlingen,
    Försäkringskassan,
    AnnanMyndighet,
}
