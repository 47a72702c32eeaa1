export * from './render';
export * from './questionCard';
export * from './welcomeCard';
export * from './guidanceCard';
export * from './infoCard';
export * from './submission';
export * from './agentCard';
export * from './weeklySummaryCard';
