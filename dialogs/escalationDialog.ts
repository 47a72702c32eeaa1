import { TextPrompt, WaterfallDialog, type DialogTurnResult, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { renderInfoCard } from '../cards';
import { translator, type Translate } from '../src/i18n/i18n';
import type { TicketRow } from '../src/store/ticketRepository';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import { CardPrompt } from './cardPrompt';
import { titleOf, type ClassifiedCase } from './caseDraft';
import type { DialogServices } from './dialogServices';
import { applyDueTime, dueFact, dueSentence } from './dueTimeText';
import { RECOGNIZERS } from './recognizers';
import { ticketFromCase } from './ticketFromCase';
import { sendCard } from './turnHelpers';

export const ESCALATION_DIALOG = 'escalationDialog';
const WATERFALL = 'escalationWaterfall';
const NAME_PROMPT = 'escalationNamePrompt';
const EMAIL_PROMPT = 'escalationEmailPrompt';
const ORGANISATION_PROMPT = 'escalationOrganisationPrompt';
const CONFIRM_PROMPT = 'escalationConfirmPrompt';

const NameSchema = z.string().trim().min(2).max(100).regex(/^[\p{L}\p{M}][\p{L}\p{M}\s.'-]*$/u);
const EmailSchema = z.string().trim().max(254).pipe(z.email());
const OrganisationSchema = z.string().trim().min(2).max(120).regex(/[\p{L}\p{N}]/u);

/** Display names channels use when they know nothing about the person. */
const PLACEHOLDER_NAMES = new Set(['user', 'you', 'guest', 'visitor', 'anonymous']);

type EscalationOptions = ClassifiedCase & { editing?: boolean };

/**
 * Opens the ticket: collects or confirms the customer's name, e-mail and organisation, shows
 * a summary to confirm, stores the ticket once (however often the card is clicked) and
 * answers with its number, severity and due time. Result: the TicketRow, or undefined.
 */
export class EscalationDialog extends CancelAndHelpDialog {
    constructor(services: DialogServices) {
        super(ESCALATION_DIALOG, services);
        const validator = (schema: z.ZodType<string>) => async (p: PromptValidatorContext<string>) => schema.safeParse(p.recognized.value ?? '').success;
        this.addDialog(new TextPrompt(NAME_PROMPT, validator(NameSchema)))
            .addDialog(new TextPrompt(EMAIL_PROMPT, validator(EmailSchema)))
            .addDialog(new TextPrompt(ORGANISATION_PROMPT, validator(OrganisationSchema)))
            .addDialog(new CardPrompt(CONFIRM_PROMPT, RECOGNIZERS))
            .addDialog(
                new WaterfallDialog(WATERFALL, [
                    this.nameStep.bind(this),
                    this.emailStep.bind(this),
                    this.organisationStep.bind(this),
                    this.summaryStep.bind(this),
                    this.resultStep.bind(this),
                ]),
            );
        this.initialDialogId = WATERFALL;
    }

    private async nameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as EscalationOptions;
        const t = translator(draft.language);
        const profile = await this.services.customerProfile.get(step.context, {});
        if (!draft.editing) await step.context.sendActivity(t('escalation.intro'));
        const channelName = step.context.activity.from?.name?.trim();
        const known = profile.name ?? (!draft.editing && channelName && NameSchema.safeParse(channelName).success && !PLACEHOLDER_NAMES.has(channelName.toLowerCase()) ? channelName : undefined);
        if (known) return step.next(known);
        return step.prompt(NAME_PROMPT, { prompt: t('escalation.askName'), retryPrompt: t('escalation.invalidName') });
    }

    private async emailStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as EscalationOptions;
        const t = translator(draft.language);
        const profile = await this.services.customerProfile.get(step.context, {});
        profile.name = NameSchema.parse(step.result);
        if (profile.email) return step.next(profile.email);
        return step.prompt(EMAIL_PROMPT, { prompt: t('escalation.askEmail'), retryPrompt: t('escalation.invalidEmail') });
    }

    private async organisationStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as EscalationOptions;
        const t = translator(draft.language);
        const profile = await this.services.customerProfile.get(step.context, {});
        profile.email = EmailSchema.parse(step.result).toLowerCase();
        const known = this.services.customers.findByTenant(draft.tenantId)?.organisation ?? profile.organisation;
        if (known) return step.next(known);
        return step.prompt(ORGANISATION_PROMPT, { prompt: t('escalation.askOrganisation'), retryPrompt: t('escalation.invalidOrganisation') });
    }

    private async summaryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as EscalationOptions;
        const t = translator(draft.language);
        const profile = await this.services.customerProfile.get(step.context, {});
        profile.organisation = OrganisationSchema.parse(step.result);
        if (!draft.dueAt) applyDueTime(step.context, this.services, draft);
        const facts = [
            { title: t('field.issue'), value: titleOf(draft.description) },
            { title: t('field.category'), value: t(`label.category.${draft.category}`) },
            { title: t('field.product'), value: t(`label.product.${draft.product}`) },
            ...(draft.kind ? [{ title: t('field.kind'), value: t(`label.kind.${draft.kind}`) }] : []),
            ...(draft.severity ? [{ title: t('field.severity'), value: draft.severity }] : []),
            { title: t('field.due'), value: dueFact(step.context, this.services, draft) },
            { title: t('field.name'), value: profile.name ?? '' },
            { title: t('field.email'), value: profile.email ?? '' },
            { title: t('field.organisation'), value: profile.organisation },
            ...(draft.supportPlanId ? [{ title: t('field.supportPlan'), value: draft.supportPlanId }] : []),
        ];
        return step.prompt(
            CONFIRM_PROMPT,
            CardPrompt.options({
                language: draft.language,
                card: 'question',
                data: {
                    prompt: 'escalation-confirm',
                    intake: draft.intakeId,
                    title: t('escalation.summaryTitle'),
                    facts,
                    question: t('escalation.partnerDesk'),
                    choices: [
                        { value: 'confirm', title: t('escalation.confirm') },
                        { value: 'edit', title: t('escalation.edit') },
                        { value: 'cancel', title: t('escalation.cancel') },
                    ],
                },
            }),
        );
    }

    private async resultStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as EscalationOptions;
        const t = translator(draft.language);
        if (step.result === 'cancel') {
            await step.context.sendActivity(t('escalation.cancelled'));
            return step.endDialog(undefined);
        }
        const profile = await this.services.customerProfile.get(step.context, {});
        if (step.result === 'edit') {
            delete profile.name;
            delete profile.email;
            delete profile.organisation;
            return step.replaceDialog(WATERFALL, { ...draft, editing: true });
        }
        const { ticket, created } = await this.services.tickets.create(ticketFromCase(step.context, draft, this.services.partner, profile, { status: 'open' }), this.services.now().toJSDate());
        await sendCard(step.context, this.ticketCard(step, draft, ticket, created, t));
        return step.endDialog(ticket);
    }

    private ticketCard(step: WaterfallStepContext, draft: ClassifiedCase, ticket: TicketRow, created: boolean, t: Translate) {
        const due = dueSentence(step.context, this.services, draft);
        const number = ticket.number ?? '';
        const text = !created
            ? t('escalation.alreadyCreated', { number })
            : draft.severity
              ? t('escalation.createdSeverity', { number, severity: draft.severity, due })
              : t('escalation.created', { number, due });
        return renderInfoCard({
            title: `${t('field.number')} ${number}`,
            text,
            facts: [
                ...(draft.severity ? [{ title: t('field.severity'), value: draft.severity }] : []),
                { title: t('field.due'), value: dueFact(step.context, this.services, draft) },
                { title: t('field.product'), value: t(`label.product.${draft.product}`) },
            ],
        });
    }
}
