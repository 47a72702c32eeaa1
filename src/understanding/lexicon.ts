import type { Category, Kind, Language, Product, Severity } from '../policy/types';
import { wordPattern } from './normalize';

/** A weighted pattern: when it matches normalized text, `weight` is added to `label`. */
export interface Cue<T extends string> {
    pattern: RegExp;
    label: T;
    weight: number;
}

const cue = <T extends string>(label: T, weight: number, pattern: RegExp): Cue<T> => ({ label, weight, pattern: wordPattern(pattern) });

/** Product cues: product and feature names, which customers type in every language. */
export const PRODUCT_CUES: Array<Cue<Product>> = [
    cue('azure', 3, /\bazure\b(?! ad\b)(?! active directory)(?! information protection)/),
    cue('azure', 2, /\b(vm|vms|virtual machines?|maquina virtual|maquinas virtuais|виртуальн\S*|вм|app service|aks|kubernetes|blob|storage account|cosmos ?db|azure sql|sql database|resource group|vnet|vpn gateway|key vault|azure functions?|allocationfailed|subscription id)\b/),
    cue('microsoft365', 3, /\b(microsoft 365|office 365|m365|o365|outlook|exchange|teams|sharepoint|onedrive|word|excel|powerpoint|mailbox|buzon|caixa de correio|почт\S*|ящик\S*)\b/),
    cue('microsoft365', 1.5, /\b(e-?mails?|correo|mail|emails|calendar|calendario|meeting|reuniao|reunion|звонк\S*)\b/),
    cue('dynamics365', 3, /\b(dynamics|d365|business central|crm|dataverse|field service|customer service app|finance and operations|navision|nav)\b/),
    cue('dynamics365', 1.5, /\b(security role|rol de seguridad|funcao de seguranca|sales hub|opportunit\S*|oportunidad\S*|lead|leads)\b/),
    cue('ems', 3, /\b(intune|ems|enterprise mobility|conditional access|acceso condicional|acesso condicional|условн\S* доступ\S*|entra id p[12]|azure ad premium|identity protection|pim|information protection|sensitivity labels?|defender for (identity|cloud apps)|autopilot|mdm|mam)\b/),
    cue('ems', 1.5, /\b(enrol\S*|inscri\S*|registr\S* (del |do )?(dispositivo|device)|compliance polic\S*|device compliance|mfa|authenticator|multi-?factor)\b/),
];

/** Category cues: money and contract words versus fault and how-to words. */
export const CATEGORY_CUES: Array<Cue<Category>> = [
    cue('commercial', 2.5, /\b(invoice\S*|bill|billing|billed|charge\S*|refund\S*|credit note|payment\S*|pay|paid|price\S*|pricing|quote|cost\S*|factura\S*|cobro\S*|pago\S*|precio\S*|reembolso|fatura\S*|boleto|cobranca|pagamento\S*|preco\S*|счет\S*|сч[её]т\S*|оплат\S*|платеж\S*|цен\S*|стоимост\S*)\b/),
    cue('commercial', 2, /\b(cancel\S* (\S+ ){0,3}subscriptions?|cancel\S* (la |a )?suscripcion|cancelar (a )?assinatura|renew\S*|renovac\S*|upgrade|downgrade|add (\d+ )?licen[cs]es|buy|purchase|comprar|contratar|licen[cs]e count|more licen[cs]es|fewer licen[cs]es|non-?payment|overdue|impago|inadimpl\S*|suspend\S* for|отключ\S* за неуплат\S*|продлени\S*|купить|докупить)\b/),
    cue('technical', 2, /\b(error\S*|erro\S*|ошибк\S*|not working|doesn t work|does not work|no funciona|nao funciona|не работает|broken|fail\S*|falla\S*|falha\S*|crash\S*|down|slow|lento|lenta|медленн\S*|can t|cannot|unable|no puedo|nao consigo|не могу|configure|configur\S*|setup|set up|how (do|can|to)|como|как)\b/),
    cue('technical', 1, /\b(sign in|log ?in|login|password|contrasena|senha|пароль|sync|mail flow|message trace|vm|deploy\S*|timeout)\b/),
];

/** Kind cues: faults versus questions. */
export const KIND_CUES: Array<Cue<Kind>> = [
    cue('break-fix', 2.5, /\b(error\S*|erro\S*|ошибк\S*|not working|doesn t work|does not work|stopped|no funciona|dejo de|nao funciona|parou|не работает|перестал\S*|broken|fail\S*|falla\S*|falha\S*|crash\S*|down|outage|caido|caiu|упал\S*|slow|lento|lenta|tormoz\S*|can t|cannot|unable|no puedo|nao consigo|не могу|blocked|bloquead\S*|заблокир\S*|missing|lost|not (arriving|receiving|delivered)|bounce\S*|ndr)\b/),
    cue('advisory', 2.5, /\b(how (do|can|to|should)|is it possible|can we|could we|best practice|recommend\S*|should we|what is the best|como (puedo|podemos|faco|fazer|configur\S*)|se puede|e possivel|da pra|как (настроить|сделать|можно)|можно ли|plan\S*|migrat\S*|set up|setup|configure)\b/),
    cue('advisory', 1, /\?$/),
];

/** Impact cues, for the severity a message states (also used for free-text impact answers). */
export const SEVERITY_CUES: Array<Cue<Severity>> = [
    cue('A', 3, /\b(production (is )?down|prod down|nobody can work|no one can work|everyone|everybody|all (our )?(users|staff|employees)|whole (company|business|office)|entire (company|organi[sz]ation)|business (has )?stopped|can t work at all|critical|urgent\S*|emergency|todos|toda la empresa|nadie puede|produccion caida|toda a empresa|ninguem consegue|producao parada|parad[oa] total|все|никто не может|вся компания|критич\S*|срочно)\b/),
    cue('B', 3, /\b(some users|several users|a few users|(one|the|our) (team|department|office|site)|partially|partly|degraded|slow|intermittent\S*|workaround is painful|algunos usuarios|varios usuarios|un departamento|parcial\S*|alguns usuarios|um setor|varios usuarios|некоторые|несколько пользовател\S*|отдел|частично|медленно)\b/),
    cue('C', 3, /\b(one user|only me|just me|single user|minor|cosmetic|not urgent|no rush|when you (have|get) time|workaround|low priority|un usuario|solo yo|solo a mi|no es urgente|um usuario|so eu|so comigo|nao e urgente|один пользовател\S*|только у меня|не срочно)\b/),
];

/** Language cues: frequent function words; Cyrillic script decides Russian on its own. */
export const LANGUAGE_CUES: Array<Cue<Language>> = [
    cue('ru', 4, /[\u0400-\u04ff]/),
    cue('en', 1, /\b(the|is|are|we|our|can t|doesn t|not|and|with|please|hi|hello|help|my|have)\b/),
    cue('es', 1, /\b(el|los|las|que|no|nuestro|nuestra|por favor|hola|ayuda|tengo|tenemos|puedo|esta|estan|con|una|del)\b/),
    cue('pt', 1, /\b(o|os|as|que|nao|nosso|nossa|por favor|ola|oi|ajuda|tenho|temos|consigo|esta|estao|com|uma|do|da|voces|vc)\b/),
];
