namespace Verkstallighet.Activities.Transfers;

public enum TransferDestination
{
    Any,
    Office,
    Country,
}
