using Retenza.Triage.Confidence;
using Retenza.Triage.Intents;
using Retenza.Triage.Routing;

namespace Retenza.Triage.Drafts;

/// <summary>
/// Writes the reply from a template: the tenant's (<c>policy.Templates[intent]</c>, the whole text)
/// or the built-in one for the intent, filled only from the order snapshot and the customer record,
/// then checked by re-reading what was written: <c>slots_filled</c>, <c>facts_match_order</c>,
/// <c>action_allowed</c>.
/// </summary>
public sealed class TemplateDraftWriter : IDraftWriter
{
    public const string SlotsFilled = "slots_filled";

    public ValueTask<Draft> WriteAsync(DraftInput input, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Write(input));

    public Draft Write(DraftInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var intent = input.Intent.Name;
        var facts = new DraftFacts(intent, input.Order.Snapshot, input.Order.Referenced, IntentPolicy.AllowsAutoSend(input.Policy, intent));
        var (template, text) = Choose(facts, input);

        var rendered = TemplateRenderer.Render(text, SlotValues.From(input.CustomerName, facts.Order));
        var action = template.Action ?? ReadAction(rendered.Text, facts, input);
        DraftCheck[] checks =
        [
            SlotCheck(rendered),
            FactCheck.Check(rendered.Text, facts.Order, input.CustomerName, TemplateRenderer.Literal(text)),
            ActionCheck.Check(rendered.Text, action, facts),
        ];

        return new Draft(rendered.Text, template.Id, action, checks);
    }

    private static (ReplyTemplate Template, string Text) Choose(DraftFacts facts, DraftInput input)
    {
        var templates = input.Policy.Templates;
        var secondIssue = input.Intent.Secondary.Count > 0;
        if (OrderRequirements.NeedsOrder(facts.Intent) && !facts.Found)
        {
            if (templates.TryGetValue(DefaultTemplates.AskOrderNumberKey, out var askOverride))
            {
                return (new ReplyTemplate("tenant:" + DefaultTemplates.AskOrderNumberKey, DraftActions.Information, askOverride), askOverride);
            }

            var ask = DefaultTemplates.AskOrderNumber(facts);
            return (ask with { Id = "default:" + ask.Id }, DefaultTemplates.Compose(ask.Text, secondIssue));
        }

        if (templates.TryGetValue(facts.Intent, out var own))
        {
            return (new ReplyTemplate("tenant:" + facts.Intent, null, own), own);
        }

        var builtIn = DefaultTemplates.For(facts);
        return (builtIn with { Id = "default:" + builtIn.Id }, DefaultTemplates.Compose(builtIn.Text, secondIssue));
    }

    /// <summary>A tenant template promises what its text promises; otherwise it informs, or hands off mail only a human may answer.</summary>
    private static string ReadAction(string text, DraftFacts facts, DraftInput input)
    {
        var promised = ActionCheck.FindPromises(text).FirstOrDefault(DraftActions.Operational.Contains);
        if (promised is not null)
        {
            return promised;
        }

        return facts.Intent == IntentTaxonomy.Other || IntentPolicy.IsHumanOnly(input.Policy, facts.Intent)
            ? DraftActions.Handoff
            : DraftActions.Information;
    }

    private static DraftCheck SlotCheck(TemplateRenderer.Result rendered)
    {
        if (rendered.Text.Length == 0)
        {
            return new DraftCheck(SlotsFilled, false, "Nothing was left to send: " + string.Join("; ", rendered.LeftOut.Concat(rendered.Defects)));
        }

        if (rendered.Defects.Count > 0)
        {
            return new DraftCheck(SlotsFilled, false, "The template is faulty, its sentence was left out: " + string.Join("; ", rendered.Defects));
        }

        return new DraftCheck(SlotsFilled, true, rendered.LeftOut.Count == 0
            ? "Every slot was filled from the order and customer record."
            : "Every slot in the draft is filled; sentences without data were left out: " + string.Join("; ", rendered.LeftOut));
    }
}
