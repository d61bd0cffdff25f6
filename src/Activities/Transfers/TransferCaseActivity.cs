using System.ComponentModel.DataAnnotations;
using NodaTime;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Activities.Transfers;

/// <summary>
/// Moves the supervision to another office or abroad (16 §). A domestic transfer moves the case and its open tasks to
/// the receiving office, whose officers then see and act on it; a transfer abroad ends the case here.
/// </summary>
[Activity("TransferCase", "Överflytta övervakningen", Category = "Verkställighetsplanering",
    Description = "Flytta övervakningen till ett annat verksamhetsställe eller till ett annat land (16 §).")]
public sealed class TransferCaseActivity : HumanActivity<TransferCaseActivity.Form>
{
    [Input("Mottagare", Description = "Any, Office (ett annat verksamhetsställe) eller Country (ett annat land).")]
    public TransferDestination Destination { get; set; } = TransferDestination.Any;

    /// <summary>The receiving office; the instance itself moves there (the engine's office, read as the variable office).</summary>
    [Output("Mottagande kontor", DefaultVariable = "receivingOffice")]
    public string? NewOffice { get; set; }

    [Output("Överflyttningsdatum", DefaultVariable = "transferDate")]
    public LocalDate TransferDate { get; set; }

    [Output("Till annat land", DefaultVariable = "transferAbroad")]
    public bool Abroad { get; set; }

    public sealed class Form
    {
        [Display(Name = "Mottagande verksamhetsställe")]
        [MaxLength(200)]
        public string? TargetOffice { get; init; }

        [Display(Name = "Mottagande land", Description = "Vid överflyttning till ett annat land.")]
        [MaxLength(100)]
        public string? TargetCountry { get; init; }

        [Display(Name = "Överflyttningsdatum")]
        [Required(ErrorMessage = "Ange datum för överflyttningen.")]
        public LocalDate? TransferDate { get; init; }
    }

    protected override async Task ValidateAsync(Form form, HumanTaskContext context, FieldProblems problems, CancellationToken cancellationToken)
    {
        var office = string.IsNullOrWhiteSpace(form.TargetOffice) ? null : form.TargetOffice.Trim();
        var country = string.IsNullOrWhiteSpace(form.TargetCountry) ? null : form.TargetCountry.Trim();
        if ((office is null) == (country is null))
        {
            problems.Add("targetOffice", "Ange antingen ett mottagande verksamhetsställe eller ett mottagande land.");
            return;
        }

        if (Destination == TransferDestination.Office && office is null)
        {
            problems.Add("targetOffice", "Ange det mottagande verksamhetsstället; överflyttning till annat land är ett eget ärende.");
            return;
        }

        if (Destination == TransferDestination.Country && country is null)
        {
            problems.Add("targetCountry", "Ange det mottagande landet.");
            return;
        }

        var @case = await CaseSteps.LoadCaseAsync(context, cancellationToken);
        if (office is not null && string.Equals(office, @case.Office, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("targetOffice", $"Ärendet finns redan på {@case.Office}.");
        }

        if (form.TransferDate < @case.SupervisionStart || form.TransferDate > @case.SupervisionEnd)
        {
            problems.Add("transferDate", "Överflyttningen ska ske under övervakningen.");
        }
    }

    protected override async Task CompleteAsync(Form form, HumanTaskContext context, CancellationToken cancellationToken)
    {
        var @case = await CaseSteps.LoadCaseAsync(context, cancellationToken);
        Abroad = !string.IsNullOrWhiteSpace(form.TargetCountry);
        NewOffice = Abroad ? @case.Office : form.TargetOffice!.Trim();
        TransferDate = form.TransferDate!.Value;
        var transfer = new Transfer
        {
            Id = Guid.CreateVersion7(),
            CaseId = @case.Id,
            FromOffice = @case.Office,
            ToOffice = Abroad ? null : NewOffice,
            ToCountry = Abroad ? form.TargetCountry!.Trim() : null,
            TransferDate = TransferDate,
            By = context.Actor ?? "system",
            At = context.Now,
        };
        if (!Abroad)
        {
            context.MoveInstanceToOffice(NewOffice!);
        }

        CaseSteps.Save(context, Abroad ? "transfer abroad" : $"transfer to {NewOffice}", db =>
        {
            db.Transfers.Add(transfer);
            db.Attach(@case);
            if (Abroad)
            {
                @case.Status = CaseStatus.TransferredAbroad;
            }
            else
            {
                @case.Office = NewOffice!;
            }
        });
    }
}
