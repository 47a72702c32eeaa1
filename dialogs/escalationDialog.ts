import { WaterfallDialog, type DialogTurnResult, type PromptValidatorContext, type WaterfallStepContext } from '../src/bot/dialogKit';
import { z } from 'zod';
import { renderInfoCard } from '../cards';
import { translator, type Translate } from '../src/i18n/i18n';
import type { Ticket } from '../src/store/ticketRepository';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import { CardPrompt } from './cardPrompt';
import { caseTitle, type ClassifiedCase } from '../src/cases/caseDraft';
import type { BotServices } from '../src/bot/botServices';
import { applyDueTime, deskNotice, dueFact, dueSentence } from '../src/cases/dueTimeText';
import { LocalizedTextPrompt } from './localizedTextPrompt';
import { ServiceHealthDialog, SERVICE_HEALTH_DIALOG, type ServiceHealthOutcome } from './serviceHealthDialog';
import { key, raw } from '../src/i18n/text';
import { enrichTicketText, recordCaseHistory, ticketFromCase } from '../src/cases/ticketFromCase';
import { displayZoneOf, sendCard } from '../src/bot/turnHelpers';

export const ESCALATION_DIALOG = 'escalationDialog';
const WATERFALL = 'escalationWaterfall';
const NAME_PROMPT = 'escalationNamePrompt';
const EMAIL_PROMPT = 'escalationEmailPrompt';
const ORGANISATION_PROMPT = 'escalationOrganisationPrompt';
const CONFIRM_PROMPT = 'escalationConfirmPrompt';

const NameSchema = z.string().trim().min(2).max(100).regex(/^[\p{L}\p{M}][\p{L}\p{M}\s.'-]*$/u);
/** An e-mail address; internationalised domains and names (cerámicassoler.example) are addresses too. */
const EmailSchema = z.string().trim().max(254).pipe(z.email({ pattern: z.regexes.unicodeEmail }));
/**
 * An organisation's name: letters or digits, and none of what would make it personal data
 * or a lure when it reaches agents, webhooks and Microsoft (an e-mail address, a phone
 * number, a link).
 */
const OrganisationSchema = z
    .string()
    .trim()
    .min(2)
    .max(120)
    .regex(/[\p{L}\p{N}]/u)
    .refine((v) => !/@|https?:|www\.|\p{N}[\p{N}\s().+-]{6,}\p{N}/iu.test(v), 'not an e-mail address, phone number or link');

/** Display names channels use when they know nothing about the person. */
const PLACEHOLDER_NAMES = new Set(['user', 'you', 'guest', 'visitor', 'anonymous']);

type EscalationOptions = ClassifiedCase & { editing?: boolean };

/**
 * Opens the ticket: collects or confirms the customer's name, e-mail and organisation, shows
 * a summary to confirm, stores the ticket once (however often the card is clicked) and
 * answers with its number, severity and due time. Result: the Ticket, or undefined.
 */
export class EscalationDialog extends CancelAndHelpDialog {
    constructor(services: BotServices) {
        super(ESCALATION_DIALOG, services);
        const validator = (schema: z.ZodType<string>) => async (p: PromptValidatorContext<string>) => schema.safeParse(p.recognized.value ?? '').success;
        this.addDialog(this.textPrompt(NAME_PROMPT, validator(NameSchema)))
            .addDialog(this.textPrompt(EMAIL_PROMPT, validator(EmailSchema)))
            .addDialog(this.textPrompt(ORGANISATION_PROMPT, validator(OrganisationSchema)))
            .addDialog(this.cardPrompt(CONFIRM_PROMPT))
            .addDialog(new ServiceHealthDialog(services))
            .addDialog(
                new WaterfallDialog(WATERFALL, [
                    this.serviceHealthStep.bind(this),
                    this.nameStep.bind(this),
                    this.emailStep.bind(this),
                    this.organisationStep.bind(this),
                    this.summaryStep.bind(this),
                    this.resultStep.bind(this),
                ]),
            );
        this.initialDialogId = WATERFALL;
    }

    /** Service health first (technical break-fix only); not again when the customer edits the details. */
    private async serviceHealthStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as EscalationOptions;
        if (draft.editing) return step.next({ proceed: true } satisfies ServiceHealthOutcome);
        return step.beginDialog(SERVICE_HEALTH_DIALOG, draft);
    }

    private async nameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as EscalationOptions;
        const health = step.result as ServiceHealthOutcome;
        if (!health.proceed) return step.endDialog(undefined);
        if (health.issue) draft.serviceHealthIssue = health.issue;
        const t = translator(await this.language(step.context));
        const profile = await this.services.customerProfile.get(step.context, {});
        if (!draft.editing) await step.context.sendActivity(t('escalation.intro'));
        const channelName = step.context.activity.from?.name?.trim();
        const known = profile.name ?? (!draft.editing && channelName && NameSchema.safeParse(channelName).success && !PLACEHOLDER_NAMES.has(channelName.toLowerCase()) ? channelName : undefined);
        if (known) return step.next(known);
        return step.prompt(NAME_PROMPT, LocalizedTextPrompt.options({ prompt: key('escalation.askName'), retry: key('escalation.invalidName') }));
    }

    private async emailStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const profile = await this.services.customerProfile.get(step.context, {});
        profile.name = NameSchema.parse(step.result);
        if (profile.email) return step.next(profile.email);
        return step.prompt(EMAIL_PROMPT, LocalizedTextPrompt.options({ prompt: key('escalation.askEmail'), retry: key('escalation.invalidEmail') }));
    }

    private async organisationStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as EscalationOptions;
        const profile = await this.services.customerProfile.get(step.context, {});
        profile.email = EmailSchema.parse(step.result).toLowerCase();
        const known = this.services.customers.findByTenant(draft.tenantId)?.organisation ?? profile.organisation;
        if (known) return step.next(known);
        return step.prompt(ORGANISATION_PROMPT, LocalizedTextPrompt.options({ prompt: key('escalation.askOrganisation'), retry: key('escalation.invalidOrganisation') }));
    }

    private async summaryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as EscalationOptions;
        const profile = await this.services.customerProfile.get(step.context, {});
        profile.organisation = OrganisationSchema.parse(step.result);
        // The language (and so the response-time rule) is the one in use when the ticket is confirmed.
        draft.language = await this.language(step.context);
        applyDueTime(draft, this.services.partner, this.services.now(), displayZoneOf(step.context, this.services));
        const facts = [
            { title: key('field.issue'), value: raw(caseTitle(draft)) },
            { title: key('field.category'), value: key(`label.category.${draft.category}`) },
            { title: key('field.product'), value: key(`label.product.${draft.product}`) },
            ...(draft.kind ? [{ title: key('field.kind'), value: key(`label.kind.${draft.kind}`) }] : []),
            ...(draft.severity ? [{ title: key('field.severity'), value: raw(draft.severity) }] : []),
            { title: key('field.due'), value: raw(dueFact(displayZoneOf(step.context, this.services), draft)) },
            { title: key('field.name'), value: raw(profile.name ?? '') },
            { title: key('field.email'), value: raw(profile.email ?? '') },
            { title: key('field.organisation'), value: raw(profile.organisation) },
            ...(draft.supportPlanId ? [{ title: key('field.supportPlan'), value: raw(draft.supportPlanId) }] : []),
            ...(draft.serviceHealthIssue ? [{ title: key('field.incident'), value: raw(draft.serviceHealthIssue.title) }] : []),
        ];
        return step.prompt(
            CONFIRM_PROMPT,
            CardPrompt.options({
                card: 'question',
                prompt: 'escalation-confirm',
                intake: draft.intakeId,
                title: key('escalation.summaryTitle'),
                facts,
                question: key('escalation.partnerDesk'),
                choices: [
                    { value: 'confirm', title: key('escalation.confirm') },
                    { value: 'edit', title: key('escalation.edit') },
                    { value: 'cancel', title: key('escalation.cancel') },
                ],
            }),
        );
    }

    private async resultStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as EscalationOptions;
        const t = translator(await this.language(step.context));
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
        const text = await enrichTicketText(draft, this.services.languageService);
        const now = this.services.now().toJSDate();
        const { ticket, created } = await this.services.tickets.create(ticketFromCase(step.context, draft, this.services.partner, profile, { status: 'new' }, text), now);
        if (created) await recordCaseHistory(this.services.tickets, ticket, draft, now);
        await sendCard(step.context, this.ticketCard(step, draft, ticket, t));
        return step.endDialog(ticket);
    }

    private ticketCard(step: WaterfallStepContext, draft: ClassifiedCase, ticket: Ticket, t: Translate) {
        const zone = displayZoneOf(step.context, this.services);
        // Out of hours the confirmation also says when the desk opens and who, if anyone, answers before then.
        const due = [dueSentence(zone, draft, this.services.partner), deskNotice(zone, draft, this.services.partner, this.services.now())].filter(Boolean).join(' ');
        const number = ticket.number ?? '';
        // "Is open" even when the row existed: replies are held until the turn's state is saved
        // (src/bot/heldReplies.ts), so a saved turn that gets here is the first to tell the
        // customer, although a discarded attempt (lost eTag race, other instance) inserted it.
        const text = draft.severity ? t('escalation.createdSeverity', { number, severity: draft.severity, due }) : t('escalation.created', { number, due });
        return renderInfoCard({
            title: `${t('field.number')} ${number}`,
            text,
            facts: [
                ...(draft.severity ? [{ title: t('field.severity'), value: draft.severity }] : []),
                { title: t('field.due'), value: dueFact(displayZoneOf(step.context, this.services), draft) },
                { title: t('field.product'), value: t(`label.product.${draft.product}`) },
            ],
        });
    }
}
