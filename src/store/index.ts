export * from './database';
export * from './postgresDatabase';
export * from './schema';
export * from './sqlStorage';
export * from './ticketRepository';
