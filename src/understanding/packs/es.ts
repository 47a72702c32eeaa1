import type { LanguagePack } from './languagePack';

export const es: LanguagePack = {
    nativeName: 'Español',
    englishName: 'Spanish',
    locale: 'es-ES',
    azure: { language: 'es', countryHint: 'es' },
    letterFolds: {},
    switchTo: {
        en: ['en ingles'],
        es: ['(?:en )?espanol(?: por favor)?', 'en castellano'],
        pt: ['en portugues'],
        ru: ['en ruso'],
    },
    commands: {
        help: ['ayuda'],
        cancel: ['cancelar'],
        restart: ['empezar de nuevo', 'reiniciar'],
    },
    courtesy: [],
    personRequests: ['hablar con (una persona|un agente|alguien)'],
    phoneRequests: ['soporte telefonico', 'llamame'],
    greetings: ['hola', 'buenas', 'buenos dias'],
    greetingTails: [],
    yes: ['si'],
    no: ['no'],
    notSure: ['no se'],
    impactAnswers: {
        critical: ['critico', 'critica'],
        moderate: ['moderado', 'moderada'],
        minimal: ['minimo', 'minima'],
    },
    impactWords: {
        critical: ['produccion (esta )?caida', 'nadie puede trabajar', 'toda la empresa', 'todos los usuarios', 'estamos parados'],
        moderate: ['algunos usuarios', 'varios usuarios', 'un departamento', 'parcialmente', 'lento'],
        minimal: ['solo yo', 'solo a mi', 'un usuario', 'no es urgente', 'no urge'],
    },
    answerWords: {
        commercial: ['comercial', 'facturacion'],
        technical: ['tecnic[oa]'],
        breakFix: ['roto', 'no funciona'],
        advisory: ['pregunta', 'consulta'],
    },
    cues: {
        azureResources: ['maquina virtual'],
        mailboxes: ['buzon'],
        mailAndMeetings: ['correo', 'calendario', 'reunion'],
        dynamicsFeatures: ['rol de seguridad', 'oportunidad\\S*'],
        accessControl: ['acceso condicional'],
        deviceManagement: ['inscri\\S*', 'registr\\S* (del )?(dispositivo|device)'],
        money: ['factura\\S*', 'cobro\\S*', 'pago\\S*', 'precio\\S*', 'reembolso'],
        contract: ['cancel\\S* (la |a )?suscripcion', 'renovac\\S*', 'comprar', 'contratar', 'impago'],
        fault: ['error\\S*', 'no funciona', 'falla\\S*', 'lento', 'lenta', 'no puedo', 'configur\\S*', 'como'],
        signIn: ['contrasena'],
        breakFix: ['error\\S*', 'no funciona', 'dejo de', 'falla\\S*', 'caido', 'lento', 'lenta', 'no puedo', 'bloquead\\S*'],
        howTo: ['como (puedo|podemos|configur\\S*)', 'se puede'],
        severity: {
            A: ['todos', 'toda la empresa', 'nadie puede', 'produccion caida', 'parad[oa] total'],
            B: ['algunos usuarios', 'varios usuarios', 'un departamento', 'parcial\\S*'],
            C: ['un usuario', 'solo yo', 'solo a mi', 'no es urgente'],
        },
        language: { functionWords: ['el', 'los', 'las', 'que', 'no', 'nuestro', 'nuestra', 'por favor', 'hola', 'ayuda', 'tengo', 'tenemos', 'puedo', 'esta', 'estan', 'con', 'una', 'del'] },
    },
    stopWords: (
        'a al como con de del el ella en es esta estan este hola la las le les lo los me mi mis muy no nos nuestra nuestro para pero por que se ' +
        'si sin su sus te tengo tenemos un una uno y ya'
    ).split(' '),
    ticketStatus: {
        asks: ['estado', 'situacion', 'novedades', 'como va', 'avance'],
        nouns: ['mi', 'nuestro', 'el', 'del', 'caso', 'solicitud', 'numero'],
    },
    leave: ['salir'],
    ratingUnits: ['estrellas?'],
    noPlan: ['ninguno'],
    pii: {
        secretLabels: ['contrase(?:ñ|n)a', 'clave'],
        phoneLabels: ['tel[eé]fono', 'm[oó]vil', 'celular', 'll[aá]mame(?: al)?'],
        versionWords: ['versión'],
    },
    problemSeparators: ['y aparte', 'aparte', 'otra cosa', 'ademas', 'y ademas', 'tambien', 'y tambien', 'por otro lado', 'otro tema', 'otro problema', 'segundo', 'y otra', 'de paso', 'y encima'],
    negations: ['no', 'no es', 'no era', 'en vez de', 'en lugar de'],
    serviceNames: { mail: ['correo', 'buz[oó]n'] },
};
