export * from './catalogueSchema';
export * from './nameMatcher';
export * from './serviceCatalogue';
