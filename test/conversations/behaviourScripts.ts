import { ConversationScriptSchema, type ConversationScript, type ExpectedTicket, type Persona, type ScriptTurn } from '../../scripts/conversations/conversationScript';
import type { Language } from '../../src/policy/types';

/**
 * Difficult customers written for the tests (not taken from corpus/conversations), one script
 * per language for each behaviour, in the corpus's format so the eval runner plays them
 * through the real HTTP endpoint.
 */
type Draft = {
    when?: ConversationScript['when'];
    persona?: Partial<Persona>;
    turns: ScriptTurn[];
    tickets: ExpectedTicket[];
    personOffered?: boolean;
    says?: ConversationScript['expect']['says'];
};

const PEOPLE: Record<Language, Pick<Persona, 'name' | 'email' | 'organisation'>> = {
    en: { name: 'Morgan Hale', email: 'morgan.hale@harbourline.example', organisation: 'Harbourline Logistics' },
    es: { name: 'Inés Robledo', email: 'ines.robledo@olivares.example', organisation: 'Aceites Olivares' },
    pt: { name: 'Caio Menezes', email: 'caio.menezes@ventonorte.example', organisation: 'Vento Norte Turismo' },
    ru: { name: 'Ольга Седова', email: 'o.sedova@severtrans.example', organisation: 'СеверТранс' },
};
const LOCALES: Record<Language, string> = { en: 'en-GB', es: 'es-ES', pt: 'pt-BR', ru: 'ru-RU' };

let next = 900;

function script(lang: Language, behaviour: string, draft: Draft): ConversationScript {
    return ConversationScriptSchema.parse({
        id: `${lang}-${next++}`,
        lang,
        behaviours: [behaviour],
        channel: 'webchat',
        locale: LOCALES[lang],
        when: draft.when ?? 'weekday-hours',
        persona: { ...PEOPLE[lang], impact: 'moderate', solved: false, wantsPerson: false, ...draft.persona },
        turns: draft.turns,
        expect: { tickets: draft.tickets, personOffered: draft.personOffered ?? false, language: lang, says: draft.says ?? [] },
    });
}

const ticket = (fields: Pick<ExpectedTicket, 'category' | 'product'> & Partial<ExpectedTicket>): ExpectedTicket => ({ status: 'new', kind: null, severity: null, descriptionWords: [], ...fields });
const broken = (product: ExpectedTicket['product'], severity: ExpectedTicket['severity'], descriptionWords: string[]): ExpectedTicket =>
    ticket({ category: 'technical', product, kind: 'break-fix', severity, descriptionWords });

/** Severity A on Saturday night: the ticket, and when a person can chat. */
export const SEVERITY_A_CLOSED = (['en', 'es', 'pt', 'ru'] as const).map((lang) => {
    const said: Record<Language, string> = {
        en: 'Nobody in the company can sign in to Outlook or Teams since an hour ago, every login ends with an error',
        es: 'Desde hace una hora nadie de la empresa puede entrar en Outlook ni en Teams, todos los inicios de sesión dan error',
        pt: 'Faz uma hora que ninguém da empresa consegue entrar no Outlook nem no Teams, todo login dá erro',
        ru: 'Уже час никто в компании не может войти в Outlook и Teams, при каждом входе ошибка',
    };
    return script(lang, 'severity-a-closed', {
        when: 'saturday-night',
        persona: { impact: 'critical', wantsPerson: true },
        turns: [{ say: said[lang] }, { autopilot: true }],
        tickets: [broken('microsoft365', 'A', ['outlook', 'teams'])],
        personOffered: true,
        says: ['desk-hours'],
    });
});

/** A phone number asked for first, the problem told next: the problem is the case, not the question. */
export const PHONE_THEN_PROBLEM = (['en', 'es', 'pt', 'ru'] as const).map((lang) => {
    const said: Record<Language, [string, string]> = {
        en: ['hi, is there a phone number I can call you on? explaining this over the phone would be much quicker than typing everything out', 'fine. since this morning Excel closes by itself whenever our finance team opens the budget workbook'],
        es: ['hola, ¿tienen un número de teléfono al que pueda llamar? me resulta más fácil explicarlo hablando', 'vale. desde esta mañana el Excel se cierra solo cada vez que el equipo de finanzas abre el libro de presupuestos'],
        pt: ['oi, vocês têm um número de telefone pra eu ligar? fica bem mais fácil explicar falando', 'tá. desde hoje de manhã o Excel fecha sozinho toda vez que o pessoal do financeiro abre a planilha do orçamento'],
        ru: ['здравствуйте, есть номер телефона, по которому можно позвонить? голосом объяснить гораздо проще, чем долго печатать всё здесь в чате', 'ладно. с утра Excel сам закрывается, как только кто-то из бухгалтерии открывает файл с бюджетом'],
    };
    const [phone, problem] = said[lang];
    return script(lang, 'phone', {
        turns: [{ say: phone }, { say: problem }, { autopilot: true }],
        tickets: [broken('microsoft365', 'B', ['excel'])],
        says: ['no-phone'],
    });
});

/** The service named in the answer to "which service?", with details: taken as the answer, not asked again. */
export const DETAILS_NAME_THE_SERVICE = (['en', 'es', 'pt', 'ru'] as const).map((lang) => {
    const said: Record<Language, [string, string]> = {
        en: ['since this morning nobody here can work, the system we all use just shows an error', "it's the web shop we run on Azure App Service, every page returns error 503"],
        es: ['el sistema principal está caído para todos desde esta mañana, nadie puede trabajar', 'es la tienda online que tenemos en Azure App Service, todas las páginas dan error 503'],
        pt: ['o sistema principal caiu pra todo mundo desde cedo, ninguém consegue trabalhar', 'é a loja virtual que roda no Azure App Service, todas as páginas dão erro 503'],
        ru: ['с утра у всех лежит основная система, никто не может работать', 'это интернет-магазин на Azure App Service, все страницы отдают ошибку 503'],
    };
    const [vague, details] = said[lang];
    return script(lang, 'vague', {
        turns: [{ say: vague }, { say: details }, { autopilot: true }],
        tickets: [broken('azure', 'B', ['503'])],
    });
});

/** Two problems as a list after a greeting: both kept, said back without the greeting. */
export const TWO_PROBLEMS_LISTED = (['en', 'es', 'pt', 'ru'] as const).map((lang) => {
    const said: Record<Language, string> = {
        en: 'Hello, two things please. 1) our October invoice charges us twice for the same Microsoft 365 Business Standard licences 2) SharePoint search stopped finding new documents last week, the whole office is affected',
        es: 'Buenos días, dos cosas. 1) la factura de octubre nos cobra dos veces las mismas licencias de Microsoft 365 Business Standard 2) la búsqueda de SharePoint dejó de encontrar documentos nuevos la semana pasada, le pasa a toda la oficina',
        pt: 'Bom dia, duas coisas. 1) a fatura de outubro cobrou duas vezes as mesmas licenças do Microsoft 365 Business Standard 2) a busca do SharePoint parou de achar documentos novos semana passada, acontece com o escritório todo',
        ru: 'Добрый день, два вопроса. 1) в счете за октябрь дважды выставлены одни и те же лицензии Microsoft 365 Business Standard 2) поиск в SharePoint с прошлой недели не находит новые документы, у всего офиса',
    };
    return script(lang, 'two-problems', {
        turns: [{ say: said[lang] }, { autopilot: true }],
        tickets: [ticket({ category: 'commercial', product: 'microsoft365' }), broken('microsoft365', 'B', ['sharepoint'])],
        says: ['two-problems'],
    });
});

/** A greeting alone, then two problems in answer to "what can I help you with?": both kept, as when they open the conversation. */
export const TWO_PROBLEMS_AFTER_HELLO = (['en', 'es', 'pt', 'ru'] as const).map((lang) => {
    const said: Record<Language, [string, string]> = {
        en: ['hi', 'our November invoice bills 40 Microsoft 365 E3 licences but we only have 30. Another thing: Outlook stopped syncing mail for the whole office since 9am'],
        es: ['hola', 'la factura de noviembre nos cobra 40 licencias de Microsoft 365 E3 y solo tenemos 30. Otra cosa: Outlook dejó de sincronizar el correo en toda la oficina desde las 9'],
        pt: ['oi', 'a fatura de novembro cobra 40 licenças do Microsoft 365 E3 mas só temos 30. Outra coisa: o Outlook parou de sincronizar os e-mails do escritório todo desde as 9h'],
        ru: ['здравствуйте', 'в счете за ноябрь 40 лицензий Microsoft 365 E3, а у нас только 30. Другой вопрос: Outlook с 9 утра не синхронизирует почту у всего офиса'],
    };
    const [hello, two] = said[lang];
    return script(lang, 'two-problems', {
        turns: [{ say: hello }, { say: two }, { autopilot: true }],
        tickets: [ticket({ category: 'commercial', product: 'microsoft365' }), broken('microsoft365', 'B', ['outlook'])],
        says: ['two-problems'],
    });
});

/** Severity A and another request in one message: the other request gets its ticket too, then the person comes. */
export const SEVERITY_A_AND_ANOTHER = (['en', 'es', 'pt', 'ru'] as const).map((lang) => {
    const said: Record<Language, string> = {
        en: 'URGENT: our web shop on Azure App Service returns error 502 to every customer, sales have stopped. Another thing: we need to remove 3 Microsoft 365 Business Basic licences at the next renewal',
        es: 'URGENTE: la tienda online en Azure App Service da error 502 a todos los clientes, las ventas están paradas. Otra cosa: en la próxima renovación queremos quitar 3 licencias de Microsoft 365 Business Basic',
        pt: 'URGENTE: a loja virtual no Azure App Service dá erro 502 pra todos os clientes, as vendas pararam. Outra coisa: na próxima renovação queremos tirar 3 licenças do Microsoft 365 Business Basic',
        ru: 'СРОЧНО: интернет-магазин на Azure App Service отдает ошибку 502 всем клиентам, продажи стоят. Другой вопрос: при следующем продлении хотим убрать 3 лицензии Microsoft 365 Business Basic',
    };
    return script(lang, 'two-problems', {
        persona: { impact: 'critical', wantsPerson: true },
        turns: [{ say: said[lang] }, { autopilot: true }],
        tickets: [broken('azure', 'A', ['502']), ticket({ category: 'commercial', product: 'microsoft365', descriptionWords: ['3'] })],
        personOffered: true,
        says: ['two-problems'],
    });
});

/** Anger twice, the second time asking for a phone number: there is no phone support, and a person comes. */
export const ANGRY_FOR_A_PHONE = (['en', 'es', 'pt', 'ru'] as const).map((lang) => {
    const said: Record<Language, [string, string]> = {
        en: ['ALL our Azure virtual machines are DOWN, production has stopped!!!', 'this bot is useless!!! just give me a phone number so I can call someone'],
        es: ['¡¡TODAS nuestras máquinas virtuales de Azure están CAÍDAS, la producción está parada!!!', '¡¡este bot no sirve para nada!! denme un número de teléfono y llamo a alguien'],
        pt: ['TODAS as nossas máquinas virtuais do Azure CAÍRAM, a produção parou!!!', 'esse bot é inútil!!! me passa um número de telefone que eu ligo pra alguém'],
        ru: ['ВСЕ наши виртуальные машины в Azure ЛЕЖАТ, производство стоит!!!', 'бот бесполезный!!! дайте номер телефона, я сам позвоню'],
    };
    const [outage, angry] = said[lang];
    return script(lang, 'angry', {
        persona: { impact: 'critical', wantsPerson: true },
        turns: [{ say: outage }, { say: angry }, { autopilot: true }],
        tickets: [broken('azure', 'A', ['azure'])],
        personOffered: true,
        says: ['no-phone'],
    });
});

/** A vague, angry start, then the details, one of them angry too: every detail is kept, and the ticket is titled by what is wrong. */
export const VAGUE_ANGRY_START = (['en', 'es', 'pt', 'ru'] as const).map((lang) => {
    const said: Record<Language, [string, string, string]> = {
        en: ['NOTHING WORKS!!! sort it out', 'email. none of us gets any email', 'are you kidding me?? the whole office, 25 people, Outlook just keeps loading'],
        es: ['NO FUNCIONA NADA!!! arréglenlo', 'el correo, a nadie le llega nada', '¿me está tomando el pelo?? toda la oficina, 25 personas, el Outlook se queda cargando'],
        pt: ['NADA FUNCIONA!!! resolvam', 'o email, ninguém recebe nada', 'tá de brincadeira?? o escritório todo, 25 pessoas, o Outlook fica só carregando'],
        ru: ['НИЧЕГО НЕ РАБОТАЕТ!!! разберитесь', 'почта, никому ничего не приходит', 'вы издеваетесь?? весь офис, 25 человек, Outlook просто висит на загрузке'],
    };
    return script(lang, 'vague', {
        persona: { impact: 'critical', wantsPerson: true },
        turns: [...said[lang].map((say) => ({ say })), { autopilot: true }],
        tickets: [broken('microsoft365', 'A', ['outlook', '25'])],
        personOffered: true,
    });
});

/** After the ticket: "when will someone look at it? what number does it have?" is about the ticket, not a number to call. */
export const STATUS_WITH_A_NUMBER = (['en', 'es', 'pt', 'ru'] as const).map((lang) => {
    const said: Record<Language, [string, string]> = {
        en: ['Our Dynamics 365 Sales app stopped loading the opportunity list this morning, the sales team of 8 is blocked', 'ok, and when will someone look at my ticket? what number does it have?'],
        es: ['Desde esta mañana la app de Dynamics 365 Sales no carga la lista de oportunidades, el equipo comercial de 8 personas está bloqueado', 'vale, ¿y cuándo van a atender mi ticket? ¿ya hay un número para seguirlo?'],
        pt: ['Desde hoje cedo o Dynamics 365 Sales não carrega a lista de oportunidades, a equipe comercial de 8 pessoas está travada', 'ok, e quando vão atender meu chamado? já tem número?'],
        ru: ['С утра в Dynamics 365 Sales не загружается список возможных сделок, отдел продаж из 8 человек стоит', 'хорошо, а когда возьмут в работу мою заявку? какой у нее номер?'],
    };
    const [problem, status] = said[lang];
    return script(lang, 'status', {
        when: 'weekday-evening',
        turns: [{ say: problem }, { autopilot: true }, { say: status }],
        tickets: [broken('dynamics365', 'B', ['sales'])],
        says: ['status'],
    });
});
