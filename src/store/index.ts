export * from './database';
export * from './schema';
export * from './sqlStorage';
export * from './ticketRepository';
