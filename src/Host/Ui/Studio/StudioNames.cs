namespace Verkstallighet.Host.Ui.Studio;

/// <summary>Swedish names of BPMN element kinds, for the properties panel and the element list.</summary>
public static class StudioNames
{
    public static string Kind(string kind) => kind switch
    {
        "Process" => "Process",
        "Participant" => "Pool",
        "StartEvent" => "Start",
        "EndEvent" => "Slut",
        "UserTask" => "Användaruppgift",
        "ServiceTask" => "Automatisk aktivitet",
        "Task" => "Manuellt steg",
        "SubProcess" => "Delprocess",
        "ExclusiveGateway" => "Exklusiv grind",
        "ParallelGateway" => "Parallell grind",
        "EventBasedGateway" => "Händelsegrind",
        "IntermediateCatchEvent" => "Väntande händelse",
        "BoundaryEvent" => "Kanthändelse",
        "SequenceFlow" => "Flöde",
        "TextAnnotation" => "Kommentar",
        "Lane" => "Bana",
        _ => kind,
    };
}
