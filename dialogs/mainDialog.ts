import { isOpenStatus } from '../src/policy/ticketLifecycle';
import { DialogTurnStatus, WaterfallDialog, type DialogContext, type DialogTurnResult, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { tenantIdOf } from '../src/channels/teamsChannelData';
import { sendSupportTerms, welcomeOnce } from '../src/bot/welcome';
import { translator, type Translate } from '../src/i18n/i18n';
import { saysNoPlan } from '../src/understanding/answers';
import { detectInterruption, isGreeting } from '../src/understanding/intents';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import { titleOf, type CaseDraft, type ClassifiedCase } from '../src/cases/caseDraft';
import { isVague } from '../src/cases/caseGaps';
import type { BotServices } from '../src/bot/botServices';
import { EscalationDialog, ESCALATION_DIALOG } from './escalationDialog';
import { GuidanceDialog, GUIDANCE_DIALOG, type GuidanceOutcome } from './guidanceDialog';
import { ImpactDialog, IMPACT_DIALOG } from './impactDialog';
import { IntakeDialog, INTAKE_DIALOG } from './intakeDialog';
import { recordCaseHistory, ticketFromCase } from '../src/cases/ticketFromCase';
import { CardPrompt } from './cardPrompt';
import type { Ticket } from '../src/store/ticketRepository';
import { LocalizedTextPrompt } from './localizedTextPrompt';
import { key } from '../src/i18n/text';
import { languageOf } from '../src/bot/turnHelpers';
import { normalizeText } from '../src/understanding/normalize';
import { splitProblems } from '../src/understanding/problemSplitter';
import type { FieldCorrection } from '../src/understanding/fieldCorrection';
import { activeDraft, pendingQuestion, revisionOf, waterfallValues } from './caseRevision';
import { recognizers } from './recognizers';
import { isSupportPlanId } from '../src/cases/supportPlan';

export const MAIN_DIALOG = 'mainDialog';
const WATERFALL = 'mainWaterfall';
const SUPPORT_PLAN_PROMPT = 'mainSupportPlanPrompt';
const OFFER_PROMPT = 'mainAgentOfferPrompt';

/** Questions where a typed message may revise the case before a ticket exists. */
const REVISABLE = new Set(['intakeChoicePrompt', 'impactPrompt', 'impactEnglishPrompt', 'guidanceSolvedPrompt', 'serviceHealthProceedPrompt', 'escalationNamePrompt', 'escalationEmailPrompt', 'escalationOrganisationPrompt', 'escalationConfirmPrompt']);

interface MainOptions {
    restart?: boolean;
    /** The problem to work on (a restatement, or the next of several problems). */
    description?: string;
    /** Labels the customer named in a correction. */
    forced?: FieldCorrection;
    /** Earlier statements of this problem. */
    history?: string[];
    tenantId?: string;
    supportPlanId?: string;
}

interface MainValues {
    description?: string;
    supportPlanId?: string;
    tenantId?: string;
    forced?: FieldCorrection;
    history?: string[];
    draft?: ClassifiedCase;
    ticket?: Ticket;
    /** True when the first message asked for a person and one is coming. */
    handedOff?: boolean;
}

/**
 * The conversation from greeting to outcome: welcome with the partner's support terms, the
 * partner's-own-tenant rule, intake, impact (technical break-fix only), guidance, and
 * escalation when guidance did not solve it. The case can be revised at any question (a
 * correction or a new statement of the problem), and a message with several problems gets
 * one outcome per problem, in turn.
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

    /**
     * A typed message that is not an answer to the pending question but a correction or a new
     * statement of the problem starts the case again from the intake with it; both statements
     * are kept (they become ticket events).
     */
    protected override async reviseCase(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
        const { activity } = innerDc.context;
        const text = (activity.text ?? '').trim();
        if (activity.value || !text) return undefined;
        const pending = pendingQuestion(innerDc);
        if (!pending || !REVISABLE.has(pending.dialogId)) return undefined;
        const t = translator(await this.language(innerDc.context));
        const revision = await revisionOf(text, pending, this.services, t, recognizers(this.services.impactFromText), activeDraft(innerDc));
        if (!revision) return undefined;
        const values = waterfallValues<MainValues>(innerDc, WATERFALL) ?? {};
        const current = activeDraft(innerDc)?.description ?? values.description ?? '';
        // The same message again (sent twice, or a retry) is neither a new statement of the problem nor a new detail.
        const said = revision.kind === 'restate' ? revision.description : revision.kind === 'details' ? revision.text : undefined;
        if (said !== undefined && normalizeText(current).includes(normalizeText(said))) return undefined;
        if (revision.kind === 'details') {
            // Added to the case as it stands (the draft lives in the dialog state), and the question asked again.
            const draft = activeDraft(innerDc);
            if (draft && !draft.description.includes(revision.text)) draft.description = `${draft.description}\n${revision.text}`;
            await innerDc.context.sendActivity(t('intake.detailAdded'));
            await innerDc.repromptDialog();
            return { status: DialogTurnStatus.waiting };
        }
        const keep = { tenantId: values.tenantId, supportPlanId: values.supportPlanId };
        await innerDc.cancelAllDialogs();
        if (revision.kind === 'fields') {
            await innerDc.context.sendActivity(t('intake.fieldCorrected'));
            const description = revision.adds ? `${current}\n${revision.adds}` : current;
            return innerDc.beginDialog(WATERFALL, { restart: true, description, forced: { ...values.forced, ...revision.forced }, history: values.history, ...keep } satisfies MainOptions);
        }
        await innerDc.context.sendActivity(t('intake.restated'));
        const history = [...(values.history ?? []), ...(current ? [current] : [])];
        return innerDc.beginDialog(WATERFALL, { restart: true, description: revision.description, history, ...keep } satisfies MainOptions);
    }

    private async welcomeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const options = (step.options ?? {}) as MainOptions;
        const values = step.values as MainValues;
        const t = translator(await languageOf(step.context, this.services));
        await welcomeOnce(step.context, this.services);
        values.description = options.restart ? options.description : await this.openingDescription(step, t);
        values.forced = options.forced;
        values.history = options.history;
        if (values.handedOff) return step.endDialog();
        if (options.restart && options.tenantId !== undefined) {
            values.tenantId = options.tenantId;
            values.supportPlanId = options.supportPlanId;
            return step.next();
        }
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
        const description = await this.firstOfSeveral(step, values.description ?? '', t);
        const draft: CaseDraft = {
            intakeId: this.services.newId(),
            language,
            description,
            toAsk: [],
            tenantId: values.tenantId,
            supportPlanId: values.supportPlanId,
            forced: values.forced,
            history: values.history,
        };
        const session = await this.services.session.get(step.context, {});
        session.intakeId = draft.intakeId;
        return step.beginDialog(INTAKE_DIALOG, draft);
    }

    /**
     * When the description tells several different problems, says so and keeps all but the
     * first for later (each gets its own outcome); returns the first.
     */
    private async firstOfSeveral(step: WaterfallStepContext, description: string, t: Translate): Promise<string> {
        if (!description) return description;
        const parts = await splitProblems(description, (text) => this.services.classifier.classify(text), this.services.minConfidence, this.services.intents?.severalProblems(description));
        if (parts.length < 2) return description;
        const session = await this.services.session.get(step.context, {});
        session.pendingProblems = [...parts.slice(1).map((p) => p.text), ...(session.pendingProblems ?? [])];
        const problems = parts.map((p) => `“${titleOf(p.text)}”`).join(t('prompt.or'));
        await step.context.sendActivity(t('intake.twoProblems', { count: parts.length, problems }));
        return (parts[0] as { text: string }).text;
    }

    private async impactStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.result as ClassifiedCase;
        if (draft.category === 'technical' && draft.kind === 'break-fix') return step.beginDialog(IMPACT_DIALOG, draft);
        return step.next(draft);
    }

    /** Guidance first, unless the customer has asked for a person (they are not sent articles then). */
    private async guidanceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const values = step.values as MainValues;
        values.draft = step.result as ClassifiedCase;
        const session = await this.services.session.get(step.context, {});
        if (session.personRequested) return step.next({ resolved: false, articleIds: [], skipped: true } satisfies GuidanceOutcome);
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
            const now = this.services.now().toJSDate();
            const { ticket, created } = await this.services.tickets.create(record, now);
            if (created) await recordCaseHistory(this.services.tickets, ticket, draft, now);
            await step.context.sendActivity(t('guidance.resolved', { number: ticket.number }));
            return this.finish(step);
        }
        if (outcome.articleIds.length > 0) await step.context.sendActivity(t('guidance.notSolved'));
        // No article clears the relevance floor: say so plainly rather than offer one that does not fit.
        else if (!outcome.skipped) await step.context.sendActivity(t('guidance.none'));
        return step.beginDialog(ESCALATION_DIALOG, draft);
    }

    /**
     * After a ticket is opened within the partner's hours: Severity A, or a customer who asked
     * for a person, brings one in at once; otherwise the customer is offered a live agent.
     */
    private async offerAgentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const ticket = step.result as Ticket | undefined;
        (step.values as MainValues).ticket = ticket;
        const handoff = this.services.handoff;
        const session = await this.services.session.get(step.context, {});
        if (!ticket || !isOpenStatus(ticket.status) || !handoff) return this.finish(step);
        // Out of hours the ticket confirmation has said when the desk opens and who answers before then.
        if (!(await handoff.canStart(step.context.activity.channelId))) return this.finish(step);
        if (ticket.severity === 'A' || session.personRequested) {
            if (ticket.severity === 'A') await step.context.sendActivity(translator(await this.language(step.context))('handoff.severityA'));
            session.personRequested = false;
            await this.bringInPerson(step.context, ticket.severity === 'A' ? 'severity-a' : 'frustrated', ticket);
            return step.endDialog(ticket);
        }
        return step.prompt(OFFER_PROMPT, CardPrompt.yesNo('handoff-offer', session.intakeId ?? '', { question: 'handoff.offer', yes: 'handoff.offerYes', no: 'handoff.offerNo' }));
    }

    private async offerAnswerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const ticket = (step.values as MainValues).ticket;
        if (step.result === 'yes' && (await this.bringInPerson(step.context, 'offer-accepted', ticket))) return step.endDialog(ticket);
        if (step.result !== 'yes') await step.context.sendActivity(translator(await this.language(step.context))('handoff.offerDeclined'));
        return this.finish(step);
    }

    /** The end of one problem: the next one the customer told, if any, else the end of the conversation's intake. */
    private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const session = await this.services.session.get(step.context, {});
        const next = session.pendingProblems?.shift();
        if (!next) return step.endDialog((step.values as MainValues).ticket);
        const values = step.values as MainValues;
        await step.context.sendActivity(translator(await this.language(step.context))('intake.nextProblem', { problem: titleOf(next) }));
        return step.replaceDialog(WATERFALL, { restart: true, description: next, tenantId: values.tenantId, supportPlanId: values.supportPlanId } satisfies MainOptions);
    }

    /**
     * The first message, when it already describes a problem (not a greeting or a command). A
     * request for phone support is answered, and a problem told with it is kept.
     */
    private async openingDescription(step: WaterfallStepContext, t: Translate): Promise<string | undefined> {
        const { activity } = step.context;
        const text = activity.type === 'message' && !activity.value ? (activity.text ?? '').trim() : '';
        if (!text || isGreeting(text)) return undefined;
        const intents = this.services.intents;
        const intent = detectInterruption(text) ?? (intents?.asksForPerson(text) ? 'human' : intents?.asksForPhone(text) ? 'phone' : null);
        if (!intent) return text;
        const classification = await this.services.classifier.classify(text);
        const told = !isVague(text, classification, this.services.minConfidence);
        if (intent === 'human' && told) {
            // A person is asked for together with the problem: the ticket first (nothing is lost), then the person.
            (await this.services.session.get(step.context, {})).personRequested = true;
            await step.context.sendActivity(t('human.notice', { partner: this.services.partner.name }));
            return text;
        }
        if (intent === 'human' && (await this.bringInPerson(step.context, 'asked'))) {
            (step.values as MainValues).handedOff = true;
            return undefined;
        }
        const keys = { help: 'help.text', cancel: 'intake.askDescription', restart: 'restart.done', human: 'human.notice', phone: 'phone.notice' } as const;
        if (intent !== 'cancel') await step.context.sendActivity(t(keys[intent], { partner: this.services.partner.name, email: this.services.partner.supportEmail, phone: this.services.partner.phone ?? '' }));
        if (intent === 'help') await sendSupportTerms(step.context, this.services);
        return intent === 'phone' && told ? text : undefined;
    }

    private async validateSupportPlan(prompt: PromptValidatorContext<string>): Promise<boolean> {
        const value = (prompt.recognized.value ?? '').trim();
        return saysNoPlan(value) || isSupportPlanId(value);
    }
}
