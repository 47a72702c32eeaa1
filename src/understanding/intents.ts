import type { Impact } from '../policy/types';
import { normalizeText, wordPattern } from './normalize';

/** What a message asks of the conversation itself, rather than answering the question. */
export type Interruption = 'help' | 'cancel' | 'restart' | 'human' | 'phone';

const WHOLE = (words: string[]): RegExp => new RegExp(`^(?:please )?(?:${words.join('|')})(?: please)?$`, 'u');

/** Commands only count when they are the whole message, so "cancel my subscription" is an issue. */
const COMMANDS: Array<[Interruption, RegExp]> = [
    ['help', WHOLE(['help', '\\?', 'help me', 'what can you do', 'menu', 'ayuda', 'ajuda', 'помощь', 'помогите'])],
    ['cancel', WHOLE(['cancel', 'stop', 'quit', 'exit', 'never mind', 'nevermind', 'forget it', 'cancelar', 'parar', 'отмена', 'отменить', 'стоп'])],
    ['restart', WHOLE(['start over', 'restart', 'start again', 'reset', 'begin again', 'empezar de nuevo', 'reiniciar', 'recomecar', 'comecar de novo', 'начать заново', 'сначала'])],
];

/** Requests for a person or for phone support may sit inside a longer message. */
const REQUESTS: Array<[Interruption, RegExp]> = [
    ['phone', wordPattern(/\b(phone support|support (by|over the) phone|call me|call (you|us) back|can i call|could i call|give me a call|phone number to call|speak on the phone|telephone support|soporte telefonico|llamame|ligue para mim|suporte por telefone|позвоните мне|телефонн\S* поддержк\S*)\b/)],
    ['human', wordPattern(/\b((talk|speak|chat) (to|with) (a |an |some |the )?(real )?(person|human|agent|someone|somebody|engineer|technician)|real person|human agent|live agent|operator|hablar con (una persona|un agente|alguien)|falar com (uma pessoa|um atendente|alguem)|atendente humano|оператор\S*|живой человек|поговорить с человеком)\b/)],
];

/** Classifies a message as an interruption, or null when it is an ordinary answer. */
export function detectInterruption(text: string): Interruption | null {
    const normalized = normalizeText(text).replace(/[.!]+$/, '');
    if (!normalized) return null;
    for (const [intent, pattern] of COMMANDS) if (pattern.test(normalized)) return intent;
    for (const [intent, pattern] of REQUESTS) if (pattern.test(normalized)) return intent;
    return null;
}

const GREETING = wordPattern(/^(hi|hello|hey|hiya|good (morning|afternoon|evening)|hola|buenas|buenos dias|oi|ola|bom dia|boa tarde|привет|здравствуйте|добрый день)( there| team| all)?$/);

/** True for a bare greeting, which is not yet a description of a problem. */
export function isGreeting(text: string): boolean {
    return GREETING.test(normalizeText(text).replace(/[.!,]+$/, ''));
}

const YES = /^(y|yes|yeah|yep|yup|sure|correct|right|that s right|it is|it did|solved|si|sim|da|да|верно|ok|okay)$/u;
const NO = /^(n|no|nope|not really|wrong|incorrect|it didn t|not solved|nao|нет|неверно)$/u;

/** Reads a yes/no answer typed as text; undefined when it is neither. */
export function parseYesNo(text: string): boolean | undefined {
    const t = normalizeText(text).replace(/[.!]+$/, '');
    if (YES.test(t)) return true;
    if (NO.test(t)) return false;
    return undefined;
}

const IMPACT_EXACT: Record<string, Impact> = {
    a: 'critical', '1': 'critical', critical: 'critical', 'severity a': 'critical', critico: 'critical', critica: 'critical', критический: 'critical', критическое: 'critical', критично: 'critical', а: 'critical',
    b: 'moderate', '2': 'moderate', moderate: 'moderate', 'severity b': 'moderate', moderado: 'moderate', moderada: 'moderate', умеренный: 'moderate', умеренное: 'moderate', средний: 'moderate',
    c: 'minimal', '3': 'minimal', minimal: 'minimal', 'severity c': 'minimal', minimo: 'minimal', minima: 'minimal', минимальный: 'minimal', минимальное: 'minimal', низкий: 'minimal', с: 'minimal',
};

const IMPACT_WORDS: Array<[Impact, RegExp]> = [
    ['critical', wordPattern(/\b(critical|production (is )?down|prod down|down for everyone|nobody can work|no one can work|everyone|everybody|all (our )?(users|staff|employees)|whole (company|business)|business (has )?stopped|considerable loss|can t work|produccion (esta )?caida|nadie puede trabajar|toda la empresa|todos los usuarios|estamos parados|producao (esta )?parada|ninguem consegue trabalhar|toda a empresa|todos os usuarios|estamos parados|никто не может работать|вся компания|все пользователи|продакшн упал|работа стоит|все стоит)\b/)],
    ['moderate', wordPattern(/\b(moderate|partially|partly|some users|several users|a few users|(a|one|the|our) (team|department|office)|degraded|slow|moderate loss|algunos usuarios|varios usuarios|un departamento|parcialmente|lento|alguns usuarios|varios usuarios|um setor|um departamento|parcialmente|некоторые пользователи|несколько пользователей|один отдел|частично|медленно)\b/)],
    ['minimal', wordPattern(/\b(minimal|minor|only me|just me|one user|single user|not urgent|no rush|still available|not affected|cosmetic|workaround|low|solo yo|solo a mi|un usuario|no es urgente|no urge|so eu|so comigo|um usuario|nao e urgente|sem pressa|только у меня|только я|один пользователь|не срочно|не горит)\b/)],
];

/** Reads the business impact from a free-text answer; undefined when it cannot tell. */
export function parseImpact(text: string): Impact | undefined {
    const t = normalizeText(text).replace(/[.!]+$/, '');
    if (!t) return undefined;
    const exact = IMPACT_EXACT[t];
    if (exact) return exact;
    const hits = IMPACT_WORDS.filter(([, pattern]) => pattern.test(t)).map(([impact]) => impact);
    return hits.length === 1 ? hits[0] : undefined;
}
