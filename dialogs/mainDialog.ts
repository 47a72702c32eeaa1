import { isOpenStatus } from '../src/policy/ticketLifecycle';
import { DialogTurnStatus, WaterfallDialog, type DialogContext, type DialogTurnResult, type PromptValidatorContext, type WaterfallStepContext } from '../src/bot/dialogKit';
import { tenantIdOf } from '../src/channels/teamsChannelData';
import { sendSupportTerms, welcomeOnce } from '../src/bot/welcome';
import { personAvailability } from '../src/bot/bringInPerson';
import type { TurnContext } from 'botbuilder';
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
import { tellsProblem } from '../src/understanding/problemSplitter';
import { firstOfSeveral } from './severalProblems';
import { besidesRequest } from '../src/understanding/besidesRequest';
import type { FieldCorrection } from '../src/understanding/fieldCorrection';
import { activeDraft, pendingQuestion, revisionOf, waterfallValues } from './caseRevision';
import { recognizers } from './recognizers';
import { isSupportPlanId } from '../src/cases/supportPlan';

export const MAIN_DIALOG = 'mainDialog';

/** The case to classify again with what the customer added: only the labels the customer chose are kept. */
function reread(draft: CaseDraft): CaseDraft {
    return { ...draft, category: undefined, product: undefined, kind: undefined, statedSeverity: undefined, toAsk: [], confirmed: false };
}
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
    /** The description is one problem already (one of several told together, a restatement, a case being corrected): it is not split again. */
    single?: boolean;
    tenantId?: string;
    supportPlanId?: string;
}

interface MainValues {
    description?: string;
    single?: boolean;
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
    protected override async reviseCase(innerDc: DialogContext, part?: string): Promise<DialogTurnResult | undefined> {
        const { activity } = innerDc.context;
        const text = (part ?? activity.text ?? '').trim();
        if (activity.value || !text) return undefined;
        const pending = pendingQuestion(innerDc);
        if (!pending || !REVISABLE.has(pending.dialogId)) return undefined;
        const t = translator(await this.language(innerDc.context));
        const draft = activeDraft(innerDc);
        const revision = await revisionOf(text, pending, this.services, t, recognizers(this.services.impactFromText), draft);
        if (!revision) return undefined;
        const values = waterfallValues<MainValues>(innerDc, WATERFALL) ?? {};
        const current = draft?.description ?? values.description ?? '';
        // The same message again (sent twice, or a retry) is neither a new statement of the problem nor a new detail.
        const said = revision.kind === 'restate' ? revision.description : revision.kind === 'details' ? revision.text : undefined;
        if (said !== undefined && normalizeText(current).includes(normalizeText(said))) return undefined;
        if (revision.kind === 'details') {
            // Added to the case as it stands (the draft lives in the dialog state).
            if (draft && !draft.description.includes(revision.text)) draft.description = `${draft.description}\n${revision.text}`;
            await innerDc.context.sendActivity(t('intake.detailAdded'));
            // Before the case is settled, what the customer added may change what the bot understood ("got a new iPhone, how do I move the app?"):
            // the intake reads the case again, keeping what the customer chose, and asks only what it still cannot tell.
            if (draft && innerDc.activeDialog?.id === INTAKE_DIALOG) return innerDc.replaceDialog(INTAKE_DIALOG, reread(draft));
            await innerDc.repromptDialog();
            return { status: DialogTurnStatus.waiting };
        }
        const keep = { tenantId: values.tenantId, supportPlanId: values.supportPlanId };
        await innerDc.cancelAllDialogs();
        if (revision.kind === 'fields') {
            await innerDc.context.sendActivity(t('intake.fieldCorrected'));
            const description = revision.adds ? `${current}\n${revision.adds}` : current;
            const forced = { ...draft?.forced, ...values.forced, ...revision.forced };
            return innerDc.beginDialog(WATERFALL, { restart: true, description, forced, history: values.history, single: true, ...keep } satisfies MainOptions);
        }
        await innerDc.context.sendActivity(t('intake.restated'));
        const history = [...(values.history ?? []), ...(current ? [current] : [])];
        // A restatement is the one problem told again ("not Business Central, but Excel: …"), not several.
        return innerDc.beginDialog(WATERFALL, { restart: true, description: revision.description, history, single: true, ...keep } satisfies MainOptions);
    }

    private async welcomeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const options = (step.options ?? {}) as MainOptions;
        const values = step.values as MainValues;
        const t = translator(await languageOf(step.context, this.services));
        await welcomeOnce(step.context, this.services);
        values.description = options.restart ? options.description : await this.openingDescription(step, t);
        values.forced = options.forced;
        values.history = options.history;
        values.single = options.single;
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
        const description = values.single ? (values.description ?? '') : await firstOfSeveral(step.context, this.services, language, values.description ?? '');
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
     * for a person, brings one in at once (after the customer's other problems, if several were
     * told, so none is left behind); otherwise, after the last problem, the customer is offered
     * a live agent.
     */
    private async offerAgentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const ticket = step.result as Ticket | undefined;
        (step.values as MainValues).ticket = ticket;
        const handoff = this.services.handoff;
        const session = await this.services.session.get(step.context, {});
        if (!ticket || !isOpenStatus(ticket.status) || !handoff) return this.finish(step);
        const wantsPerson = ticket.severity === 'A' || session.personRequested === true;
        if (!(await handoff.canStart(step.context.activity.channelId))) {
            // The confirmation has said when the desk opens; Severity A, or a customer who asked for a person, also hears when a person can chat.
            if (wantsPerson) await this.sayNobodyToChat(step.context);
            session.personRequested = false;
            return this.finish(step);
        }
        const reason = ticket.severity === 'A' ? 'severity-a' : 'frustrated';
        const t = translator(await this.language(step.context));
        if (wantsPerson && (session.pendingProblems?.length ?? 0) > 0) {
            if (!session.personAfter) {
                session.personAfter = { reason, ticketId: ticket.id };
                if (ticket.severity === 'A') await step.context.sendActivity(t('handoff.severityAAfterOthers'));
            }
            session.personRequested = false;
            return this.finish(step);
        }
        if (wantsPerson) {
            if (ticket.severity === 'A') await step.context.sendActivity(t('handoff.severityA'));
            session.personRequested = false;
            await this.bringInPerson(step.context, reason, ticket);
            return step.endDialog(ticket);
        }
        // The routine offer comes after the last of several problems (a person now would leave the others behind).
        if ((session.pendingProblems?.length ?? 0) > 0 || session.personAfter) return this.finish(step);
        return step.prompt(OFFER_PROMPT, CardPrompt.yesNo('handoff-offer', session.intakeId ?? '', { question: 'handoff.offer', yes: 'handoff.offerYes', no: 'handoff.offerNo' }));
    }

    /** Nobody can join the chat now: when the desk opens, or (within hours) that no agent is free. */
    private async sayNobodyToChat(context: TurnContext): Promise<void> {
        const t = translator(await this.language(context));
        const availability = await personAvailability(context, this.services);
        if (availability.available) return;
        await context.sendActivity(availability.opensAt ? t('handoff.outOfHours', { next: availability.opensAt }) : t('handoff.noAgents'));
    }

    private async offerAnswerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const ticket = (step.values as MainValues).ticket;
        if (step.result === 'yes' && (await this.bringInPerson(step.context, 'offer-accepted', ticket))) return step.endDialog(ticket);
        if (step.result !== 'yes') await step.context.sendActivity(translator(await this.language(step.context))('handoff.offerDeclined'));
        return this.finish(step);
    }

    /**
     * The end of one problem: the next one the customer told, if any; after the last, the person
     * an earlier problem called for; else the end of the conversation's intake.
     */
    private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const session = await this.services.session.get(step.context, {});
        const values = step.values as MainValues;
        const next = session.pendingProblems?.shift();
        if (next) {
            await step.context.sendActivity(translator(await this.language(step.context))('intake.nextProblem', { problem: titleOf(next) }));
            return step.replaceDialog(WATERFALL, { restart: true, description: next, single: true, tenantId: values.tenantId, supportPlanId: values.supportPlanId } satisfies MainOptions);
        }
        const waiting = session.personAfter;
        session.personAfter = undefined;
        if (waiting) await this.bringInPerson(step.context, waiting.reason, await this.services.tickets.findById(waiting.ticketId));
        return step.endDialog(values.ticket);
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
        // The problem is what the message says besides the request; a message that only asks tells none.
        const problem = intent === 'human' || intent === 'phone' ? besidesRequest(text, (s) => this.asks(s, intent)) : text;
        const classify = (text: string) => this.services.classifier.classify(text);
        const told = problem !== '' && !isVague(problem, await classify(problem), this.services.minConfidence) && (await tellsProblem(problem, classify, this.services.minConfidence));
        if (intent === 'human' && told) {
            // A person is asked for together with the problem: the ticket first (nothing is lost), then the person.
            (await this.services.session.get(step.context, {})).personRequested = true;
            await step.context.sendActivity(t('human.notice', { partner: this.services.partner.name }));
            return problem;
        }
        if (intent === 'human' && (await this.bringInPerson(step.context, 'asked'))) {
            (step.values as MainValues).handedOff = true;
            return undefined;
        }
        const keys = { help: 'help.text', cancel: 'intake.askDescription', restart: 'restart.done', human: 'human.notice', phone: 'phone.notice' } as const;
        if (intent !== 'cancel') await step.context.sendActivity(t(keys[intent], { partner: this.services.partner.name, email: this.services.partner.supportEmail, phone: this.services.partner.phone ?? '' }));
        if (intent === 'help') await sendSupportTerms(step.context, this.services);
        return intent === 'phone' && told ? problem : undefined;
    }

    private async validateSupportPlan(prompt: PromptValidatorContext<string>): Promise<boolean> {
        const value = (prompt.recognized.value ?? '').trim();
        return saysNoPlan(value) || isSupportPlanId(value);
    }
}
