import type { LanguagePack } from './languagePack';

/** Brazilian Portuguese. */
export const pt: LanguagePack = {
    nativeName: 'Português (Brasil)',
    englishName: 'Portuguese (Brazil)',
    locale: 'pt-BR',
    azure: { language: 'pt-BR', countryHint: 'br' },
    letterFolds: {},
    switchTo: {
        en: ['em ingles'],
        es: ['em espanhol'],
        pt: ['(?:em )?portugues(?: por favor)?'],
        ru: ['em russo'],
    },
    commands: {
        help: ['ajuda'],
        cancel: ['cancelar', 'parar'],
        restart: ['reiniciar', 'recomecar', 'comecar de novo'],
    },
    courtesy: [],
    personRequests: ['falar com (uma pessoa|um atendente|alguem)', 'atendente humano'],
    phoneRequests: ['ligue para mim', 'suporte por telefone'],
    greetings: ['oi', 'ola', 'bom dia', 'boa tarde'],
    greetingTails: [],
    yes: ['sim'],
    no: ['nao'],
    notSure: ['nao sei'],
    impactAnswers: {
        critical: ['critico', 'critica'],
        moderate: ['moderado', 'moderada'],
        minimal: ['minimo', 'minima'],
    },
    impactWords: {
        critical: ['producao (esta )?parada', 'ninguem consegue trabalhar', 'toda a empresa', 'todos os usuarios', 'estamos parados'],
        moderate: ['alguns usuarios', 'varios usuarios', 'um setor', 'um departamento', 'parcialmente', 'lento'],
        minimal: ['so eu', 'so comigo', 'um usuario', 'nao e urgente', 'sem pressa'],
    },
    answerWords: {
        commercial: ['comercial', 'cobranca'],
        technical: ['tecnic[oa]'],
        breakFix: ['quebrado', 'nao funciona'],
        advisory: ['duvida', 'consulta'],
    },
    cues: {
        azureResources: ['maquina virtual', 'maquinas virtuais'],
        mailboxes: ['caixa de correio'],
        mailAndMeetings: ['calendario', 'reuniao'],
        dynamicsFeatures: ['funcao de seguranca'],
        accessControl: ['acesso condicional'],
        deviceManagement: ['inscri\\S*', 'registr\\S* (do )?(dispositivo|device)'],
        money: ['fatura\\S*', 'boleto', 'cobranca', 'pagamento\\S*', 'preco\\S*'],
        contract: ['cancelar (a )?assinatura', 'renovac\\S*', 'comprar', 'contratar', 'inadimpl\\S*'],
        fault: ['erro\\S*', 'nao funciona', 'falha\\S*', 'lento', 'lenta', 'nao consigo', 'configur\\S*', 'como'],
        signIn: ['senha'],
        breakFix: ['erro\\S*', 'nao funciona', 'parou', 'falha\\S*', 'caiu', 'lento', 'lenta', 'nao consigo', 'bloquead\\S*'],
        howTo: ['como (faco|fazer|configur\\S*)', 'e possivel', 'da pra'],
        severity: {
            A: ['todos', 'toda a empresa', 'ninguem consegue', 'producao parada', 'parad[oa] total'],
            B: ['alguns usuarios', 'um setor', 'varios usuarios', 'parcial\\S*'],
            C: ['um usuario', 'so eu', 'so comigo', 'nao e urgente'],
        },
        language: {
            functionWords: ['o', 'os', 'as', 'que', 'nao', 'nosso', 'nossa', 'por favor', 'ola', 'oi', 'ajuda', 'tenho', 'temos', 'consigo', 'esta', 'estao', 'com', 'uma', 'do', 'da', 'voces', 'vc'],
        },
    },
    stopWords: (
        'a ao as com como da das de do dos e ela em esta estao eu isso na nas no nos nossa nosso o oi ola os para pela pelo por que se sem seu ' +
        'sua um uma voce voces vc ja nao'
    ).split(' '),
    ticketStatus: {
        asks: ['situacao', 'andamento', 'novidades', 'como esta'],
        nouns: ['meu', 'nosso', 'o', 'do', 'chamado', 'pedido'],
    },
    leave: ['sair'],
    ratingUnits: ['estrelas?'],
    noPlan: ['nenhum'],
    pii: {
        secretLabels: ['senha'],
        phoneLabels: ['celular', 'telefone', 'ligue(?: para)?'],
        versionWords: ['versão'],
    },
    problemSeparators: ['e separado', 'separado', 'outra coisa', 'alem disso', 'e tambem', 'tambem', 'por outro lado', 'outro assunto', 'outro problema', 'segundo', 'e outra', 'aproveitando', 'e mais'],
    negations: ['nao', 'nao e', 'nao era', 'em vez de', 'ao inves de'],
    serviceNames: { mail: ['caixa de correio'] },
};
