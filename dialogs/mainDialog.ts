import { WaterfallDialog, type DialogTurnResult, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { tenantIdOf } from '../src/channels/teamsChannelData';
import { welcomeOnce } from '../src/bot/welcome';
import { translator, type Translate } from '../src/i18n/i18n';
import { saysNoPlan } from '../src/understanding/answers';
import { detectInterruption, isGreeting } from '../src/understanding/intents';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import type { CaseDraft, ClassifiedCase } from '../src/cases/caseDraft';
import type { BotServices } from '../src/bot/botServices';
import { EscalationDialog, ESCALATION_DIALOG } from './escalationDialog';
import { GuidanceDialog, GUIDANCE_DIALOG, type GuidanceOutcome } from './guidanceDialog';
import { ImpactDialog, IMPACT_DIALOG } from './impactDialog';
import { IntakeDialog, INTAKE_DIALOG } from './intakeDialog';
import { ticketFromCase } from '../src/cases/ticketFromCase';
import { CardPrompt } from './cardPrompt';
import type { Ticket } from '../src/store/ticketRepository';
import { LocalizedTextPrompt } from './localizedTextPrompt';
import { key } from '../src/i18n/text';
import { languageOf } from '../src/bot/turnHelpers';

export const MAIN_DIALOG = 'mainDialog';
const WATERFALL = 'mainWaterfall';
const SUPPORT_PLAN_PROMPT = 'mainSupportPlanPrompt';
const OFFER_PROMPT = 'mainAgentOfferPrompt';
const SUPPORT_PLAN = /^[A-Za-z0-9][A-Za-z0-9._/-]{2,99}$/;

interface MainOptions {
    restart?: boolean;
}

interface MainValues {
    description?: string;
    supportPlanId?: string;
    tenantId?: string;
    draft?: ClassifiedCase;
    ticket?: Ticket;
    /** True when the first message asked for a person and one is coming. */
    handedOff?: boolean;
}

/**
 * The conversation from greeting to outcome: welcome with the partner's support terms,
 * the partner's-own-tenant rule, intake, impact (technical break-fix only), guidance, and
 * escalation when guidance did not solve it.
 */
export class MainDialog extends CancelAndHelpDialog {
    constructor(services: BotServices) {
        super(MAIN_DIALOG, services);
        this.addDialog(this.textPrompt(SUPPORT_PLAN_PROMPT, (p) => this.validateSupportPlan(p)))
            .addDialog(this.cardPrompt(OFFER_PROMPT))
            .addDialog(new IntakeDialog(services))
            .addDialog(new ImpactDialog(services))
            .addDialog(new GuidanceDialog(services))
            .addDialog(new EscalationDialog(services))
            .addDialog(
                new WaterfallDialog(WATERFALL, [
                    this.welcomeStep.bind(this),
                    this.intakeStep.bind(this),
                    this.impactStep.bind(this),
                    this.guidanceStep.bind(this),
                    this.outcomeStep.bind(this),
                    this.offerAgentStep.bind(this),
                    this.offerAnswerStep.bind(this),
                ]),
            );
        this.initialDialogId = WATERFALL;
    }

    protected override restartOptions(): MainOptions {
        return { restart: true };
    }

    private async welcomeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const options = (step.options ?? {}) as MainOptions;
        const values = step.values as MainValues;
        const t = translator(await languageOf(step.context, this.services));
        await welcomeOnce(step.context, this.services);
        if (!options.restart) values.description = await this.openingDescription(step, t);
        if (values.handedOff) return step.endDialog();
        values.tenantId = tenantIdOf(step.context.activity);
        const partnerTenant = this.services.partner.tenantId;
        if (!values.tenantId || !partnerTenant || values.tenantId.toLowerCase() !== partnerTenant.toLowerCase()) return step.next();
        await step.context.sendActivity(t('ownTenant.notice', { partner: this.services.partner.name }));
        return step.prompt(SUPPORT_PLAN_PROMPT, LocalizedTextPrompt.options({ prompt: key('ownTenant.ask'), retry: key('ownTenant.invalid') }));
    }

    private async intakeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const values = step.values as MainValues;
        const language = await languageOf(step.context, this.services);
        const t = translator(language);
        if (typeof step.result === 'string') {
            const answer = step.result.trim();
            if (saysNoPlan(answer)) {
                await step.context.sendActivity(t('ownTenant.none'));
                return step.endDialog();
            }
            values.supportPlanId = answer;
            await step.context.sendActivity(t('ownTenant.recorded', { plan: answer }));
        }
        const draft: CaseDraft = {
            intakeId: this.services.newId(),
            language,
            description: values.description ?? '',
            toAsk: [],
            tenantId: values.tenantId,
            supportPlanId: values.supportPlanId,
        };
        const session = await this.services.session.get(step.context, {});
        session.intakeId = draft.intakeId;
        return step.beginDialog(INTAKE_DIALOG, draft);
    }

    private async impactStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.result as ClassifiedCase;
        if (draft.category === 'technical' && draft.kind === 'break-fix') return step.beginDialog(IMPACT_DIALOG, draft);
        return step.next(draft);
    }

    private async guidanceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const values = step.values as MainValues;
        values.draft = step.result as ClassifiedCase;
        return step.beginDialog(GUIDANCE_DIALOG, values.draft);
    }

    private async outcomeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = (step.values as MainValues).draft as ClassifiedCase;
        const outcome = step.result as GuidanceOutcome;
        draft.language = await this.language(step.context);
        const t = translator(draft.language);
        if (outcome.resolved) {
            const profile = await this.services.customerProfile.get(step.context, {});
            const record = ticketFromCase(step.context, draft, this.services.partner, profile, { status: 'resolved', articleId: outcome.articleIds[0] ?? null });
            const { ticket } = await this.services.tickets.create(record, this.services.now().toJSDate());
            await step.context.sendActivity(t('guidance.resolved', { number: ticket.number }));
            return step.endDialog();
        }
        if (outcome.articleIds.length > 0) await step.context.sendActivity(t('guidance.notSolved'));
        return step.beginDialog(ESCALATION_DIALOG, draft);
    }

    /**
     * After a ticket is opened within the partner's hours: Severity A brings in a person at
     * once; otherwise the customer is offered a live agent.
     */
    private async offerAgentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const ticket = step.result as Ticket | undefined;
        (step.values as MainValues).ticket = ticket;
        const handoff = this.services.handoff;
        if (!ticket || ticket.status !== 'open' || !handoff || !(await handoff.canStart(step.context.activity.channelId))) return step.endDialog(ticket);
        if (ticket.severity === 'A') {
            await step.context.sendActivity(translator(await this.language(step.context))('handoff.severityA'));
            await this.bringInPerson(step.context, 'severity-a', ticket);
            return step.endDialog(ticket);
        }
        const session = await this.services.session.get(step.context, {});
        return step.prompt(OFFER_PROMPT, CardPrompt.yesNo('handoff-offer', session.intakeId ?? '', { question: 'handoff.offer', yes: 'handoff.offerYes', no: 'handoff.offerNo' }));
    }

    private async offerAnswerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const ticket = (step.values as MainValues).ticket;
        if (step.result === 'yes') await this.bringInPerson(step.context, 'offer-accepted', ticket);
        else await step.context.sendActivity(translator(await this.language(step.context))('handoff.offerDeclined'));
        return step.endDialog(ticket);
    }

    /** The first message, when it already describes a problem (not a greeting or a command). */
    private async openingDescription(step: WaterfallStepContext, t: Translate): Promise<string | undefined> {
        const { activity } = step.context;
        const text = activity.type === 'message' && !activity.value ? (activity.text ?? '').trim() : '';
        if (!text || isGreeting(text)) return undefined;
        const intent = detectInterruption(text);
        if (!intent) return text;
        if (intent === 'human' && (await this.bringInPerson(step.context, 'asked'))) {
            (step.values as MainValues).handedOff = true;
            return undefined;
        }
        const keys = { help: 'help.text', cancel: 'intake.askDescription', restart: 'restart.done', human: 'human.notice', phone: 'phone.notice' } as const;
        if (intent !== 'cancel') await step.context.sendActivity(t(keys[intent], { partner: this.services.partner.name, email: this.services.partner.supportEmail }));
        return undefined;
    }

    private async validateSupportPlan(prompt: PromptValidatorContext<string>): Promise<boolean> {
        const value = (prompt.recognized.value ?? '').trim();
        return saysNoPlan(value) || SUPPORT_PLAN.test(value);
    }
}
