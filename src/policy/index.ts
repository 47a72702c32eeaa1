export * from './types';
export * from './severity';
export * from './dueTime';
export * from './businessCalendar';
export * from './ticketLifecycle';
